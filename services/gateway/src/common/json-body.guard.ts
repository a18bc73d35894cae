import { BadRequestException, type CanActivate, type ExecutionContext, HttpException, Inject, Injectable, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { APP_CONFIG } from '@rarerank/nest-common';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { GatewayConfig } from '../config';

type BodyParserError = Error & { type?: string; status?: number };

/** A body-parser failure as the fixed error body: 413 naming JSON_BODY_LIMIT, 400 for bad JSON. */
export function jsonBodyError(err: BodyParserError, limit: number): HttpException {
  if (err.type === 'entity.too.large') return new PayloadTooLargeException(`the JSON body is larger than ${limit} bytes (JSON_BODY_LIMIT)`);
  if (err.type === 'entity.parse.failed') return new BadRequestException(`the body is not valid JSON: ${err.message}`);
  if (err.status === 415) return new UnsupportedMediaTypeException(err.message);
  return new BadRequestException(`the request body could not be read: ${err.message}`);
}

/**
 * Parses JSON bodies up to JSON_BODY_LIMIT as the last guard of ApiKeyAuth (after the API-key,
 * rate-limit and role guards), so a request without a valid API key, over its rate limit or of
 * the wrong role is answered before a byte of its body is read (closeOnUnreadBody then closes the
 * connection). A guard, not an interceptor: a global interceptor would defer SSE handlers until
 * their headers are sent. Failures reach the global exception filter (fixed error body).
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  private readonly parse: RequestHandler;

  constructor(@Inject(APP_CONFIG) private readonly config: GatewayConfig) {
    this.parse = express.json({ limit: config.JSON_BODY_LIMIT });
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    if (req.is('application/json')) {
      // body-parser would read the whole declared body before failing; refuse it before reading
      const limit = this.config.JSON_BODY_LIMIT;
      if (Number(req.headers['content-length']) > limit) throw jsonBodyError({ name: 'PayloadTooLargeError', message: 'too large', type: 'entity.too.large' }, limit);
      await new Promise<void>((resolve, reject) => this.parse(req, res, (err?: unknown) => (err ? reject(jsonBodyError(err as BodyParserError, limit)) : resolve())));
    }
    return true;
  }
}
