import { STATUS_CODES } from 'node:http';
import { HttpException, HttpStatus } from '@nestjs/common';
import { InputError } from '@rarerank/io';

/** The one error shape every RareRank HTTP endpoint returns. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  requestId: string;
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
  if (exception instanceof InputError) {
    statusCode = HttpStatus.BAD_REQUEST;
    message = exception.message;
  } else if (exception instanceof HttpException) {
    statusCode = exception.getStatus();
    message = messageOf(exception);
  }
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, requestId };
}
