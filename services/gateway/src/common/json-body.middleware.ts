import { BadRequestException, HttpException, Inject, Injectable, type NestMiddleware, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { APP_CONFIG } from '@rarerank/nest-common';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
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
 * Parses JSON bodies up to JSON_BODY_LIMIT as Nest middleware (instead of express' own), so a
 * failure reaches the global exception filter and gets the fixed error body with a request id.
 */
@Injectable()
export class JsonBodyMiddleware implements NestMiddleware {
  private readonly parse: RequestHandler;

  constructor(@Inject(APP_CONFIG) private readonly config: GatewayConfig) {
    this.parse = express.json({ limit: config.JSON_BODY_LIMIT });
  }

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    // body-parser would read the whole declared body before failing; refuse it before reading
    const declared = Number(req.headers['content-length']);
    if (req.is('application/json') && declared > this.config.JSON_BODY_LIMIT) throw jsonBodyError({ name: 'PayloadTooLargeError', message: 'too large', type: 'entity.too.large' }, this.config.JSON_BODY_LIMIT);
    await new Promise<void>((resolve, reject) =>
      this.parse(req, res, (err?: unknown) => (err ? reject(jsonBodyError(err as BodyParserError, this.config.JSON_BODY_LIMIT)) : resolve())),
    );
    next();
  }
}
