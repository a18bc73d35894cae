import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor, SetMetadata, UseInterceptors, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG } from '@rarerank/nest-common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { finalize, type Observable } from 'rxjs';
import type { GatewayConfig } from '../config';
import { TempDirStorage } from './temp-dir-storage';
import { LIMIT_REQUEST_SIZE, requestTooLarge, type UploadLimits, uploadErrorToHttp } from './upload-errors';
import type { RequestWithUploads, UploadFieldSpec, UploadedPart } from './uploaded-part';

const UPLOAD_FIELDS = 'rarerank:upload-fields';
const MAX_TEXT_FIELDS = 100;

/**
 * Accepts multipart uploads on a route: files spooled to a temp dir of the request (removed when
 * the handler finishes or the upload fails), available as request.uploads. `fields` limits which
 * file fields are accepted and how many of each; omit it to accept any field name.
 */
export function AcceptUploads(fields?: UploadFieldSpec) {
  return applyDecorators(SetMetadata(UPLOAD_FIELDS, fields ?? null), UseInterceptors(UploadInterceptor));
}

@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly storage = new TempDirStorage();

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  private limits(): UploadLimits {
    return {
      maxFileBytes: this.config.MAX_UPLOAD_BYTES,
      maxRequestBytes: this.config.MAX_REQUEST_BYTES,
      maxFiles: this.config.MAX_FILES,
      maxFieldBytes: this.config.JSON_BODY_LIMIT,
    };
  }

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<Request & RequestWithUploads>();
    const res = ctx.switchToHttp().getResponse<Response>();
    if (!req.is('multipart/form-data')) return next.handle();
    // a declared body over the total is refused before a byte is read (or a temp dir made)
    if (Number(req.headers['content-length']) > this.config.MAX_REQUEST_BYTES) throw requestTooLarge(this.limits());
    const fields = this.reflector.get<UploadFieldSpec | null>(UPLOAD_FIELDS, ctx.getHandler()) ?? undefined;
    const dir = await mkdtemp(path.join(this.config.UPLOAD_TMP_DIR ?? tmpdir(), 'rarerank-upload-'));
    const cleanup = () => rm(dir, { recursive: true, force: true });
    req.uploadDir = dir;
    try {
      await this.receive(req, res, fields);
    } catch (err) {
      await cleanup();
      throw uploadErrorToHttp(err, this.limits());
    }
    return next.handle().pipe(finalize(() => void cleanup()));
  }

  private receive(req: Request & RequestWithUploads, res: Response, fields: UploadFieldSpec): Promise<void> {
    const limits = this.limits();
    const counts = new Map<string, number>();
    let overTotal: (err: Error) => void = () => undefined;
    const tooLarge = new Promise<never>((_, reject) => (overTotal = reject));
    const options: multer.Options & { streamHandler: (request: Request, busboy: NodeJS.WritableStream & { destroy(err: Error): void }) => void } = {
      // counts the body as it streams in (chunked bodies declare no length): past MAX_REQUEST_BYTES
      // busboy stops and the request fails at once, instead of multer draining the rest first
      streamHandler: (request: Request, busboy: NodeJS.WritableStream & { destroy(err: Error): void }) => {
        let received = 0;
        let tripped = false;
        request.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (tripped || received <= limits.maxRequestBytes) return;
          tripped = true;
          const err = Object.assign(new Error('request body over MAX_REQUEST_BYTES'), { code: LIMIT_REQUEST_SIZE });
          overTotal(err);
          busboy.destroy(err);
        });
        request.pipe(busboy);
      },
      storage: this.storage,
      // the raw client name reaches sanitizeUploadName, which decides what is kept (busboy would drop some silently)
      preservePath: true,
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fieldSize: limits.maxFieldBytes, fields: MAX_TEXT_FIELDS },
      // reject an unexpected field, or one too many of a field, before its bytes are written
      fileFilter: (_req, file, cb) => {
        const seen = (counts.get(file.fieldname) ?? 0) + 1;
        counts.set(file.fieldname, seen);
        const spec = fields?.[file.fieldname];
        if (fields && (!spec || seen > spec.maxCount)) return cb(new MulterError('LIMIT_UNEXPECTED_FILE', file.fieldname));
        cb(null, true);
      },
    };
    const middleware = multer(options).any();
    const received = new Promise<void>((resolve, reject) =>
      middleware(req, res, (err?: unknown) => {
        if (err) return reject(err);
        const files = (req.files ?? []) as Array<Express.Multer.File & Omit<UploadedPart, 'field'>>;
        req.uploads = files.map((f) => ({ field: f.fieldname, name: f.name, path: f.path, size: f.size, sha256: f.sha256 }));
        resolve();
      }),
    );
    received.catch(() => undefined); // when the total trips first, multer's own failure comes later
    return Promise.race([received, tooLarge]);
  }
}
