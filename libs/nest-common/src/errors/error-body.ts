import { STATUS_CODES } from 'node:http';
import { HttpException, HttpStatus } from '@nestjs/common';
import { InputError } from '@rarerank/io';

/** The one error shape every RareRank HTTP endpoint returns; bad input also names where it is. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  field?: string;
  line?: number;
  file?: string;
  requestId: string;
}

/** Where bad input was found, as an HttpException response may carry it (`{ message, field }`). */
type InputLocation = Pick<ErrorBody, 'field' | 'line' | 'file'>;

function locationOf(exception: InputError | HttpException): InputLocation {
  const source = exception instanceof InputError ? exception : exception.getResponse();
  if (!source || typeof source !== 'object') return {};
  const { field, line, file } = source as Record<string, unknown>;
  return {
    ...(typeof field === 'string' && field ? { field } : {}),
    ...(typeof line === 'number' ? { line } : {}),
    ...(typeof file === 'string' && file ? { file } : {}),
  };
}

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
}

/**
 * Maps anything thrown to the public error body. Bad input names its file and line (400); Nest's
 * HttpExceptions keep their status; anything else is a 500 whose details stay in the server log.
 */
export function toErrorBody(exception: unknown, requestId: string): ErrorBody {
  let statusCode: number = HttpStatus.INTERNAL_SERVER_ERROR;
  let message = INTERNAL_ERROR_MESSAGE;
  let location: InputLocation = {};
  if (exception instanceof InputError) {
    statusCode = HttpStatus.BAD_REQUEST;
    message = exception.message;
    location = locationOf(exception);
  } else if (exception instanceof HttpException) {
    statusCode = exception.getStatus();
    message = messageOf(exception);
    location = locationOf(exception);
  }
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...location, requestId };
}
