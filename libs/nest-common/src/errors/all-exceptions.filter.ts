import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { REQUEST_ID_HEADER } from '../logging/request-id';
import { toErrorBody } from './error-body';

type RequestWithId = IncomingMessage & { id?: unknown };

/** Global HTTP exception filter: fixed body `{ statusCode, error, message, requestId }`, never a stack trace. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    // Only HTTP has a response to shape; elsewhere let Nest's own handling run.
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const req = http.getRequest<RequestWithId>();
    const res = http.getResponse<ServerResponse>();
    const requestId = String(req.id ?? res.getHeader(REQUEST_ID_HEADER) ?? 'unknown');
    const body = toErrorBody(exception, requestId);

    if (body.statusCode >= HttpStatus.INTERNAL_SERVER_ERROR) {
      // The stack goes to the server log only (pino serialises `err` with it), never to the client.
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error({ err, requestId }, 'request failed');
    }
    if (res.headersSent) return;
    res.statusCode = body.statusCode;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  }
}
