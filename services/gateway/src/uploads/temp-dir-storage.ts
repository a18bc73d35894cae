import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { sanitizeUploadName } from './upload-name';
import type { RequestWithUploads, UploadedPart } from './uploaded-part';

type StoredInfo = Partial<Express.Multer.File> & Omit<UploadedPart, 'field'>;

/**
 * multer storage that streams each file into the request's temp dir, hashing it on the way, so a
 * VCF is never held in memory and nothing reaches GridFS before the whole request is validated.
 */
export class TempDirStorage implements StorageEngine {
  _handleFile(req: Request, file: Express.Multer.File, cb: (error?: unknown, info?: StoredInfo) => void): void {
    const dir = (req as Request & RequestWithUploads).uploadDir;
    const name = sanitizeUploadName(file.originalname);
    if (!dir) return cb(new Error('upload directory missing'));
    if (!name) {
      file.stream.resume();
      return cb(
        new BadRequestException({
          message: `${file.fieldname}: the file name has nothing usable once path separators, ".." and control characters are removed`,
          field: file.fieldname,
        }),
      );
    }
    const target = path.join(dir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _enc, next) {
        hash.update(chunk);
        size += chunk.length;
        next(null, chunk);
      },
    });
    pipeline(file.stream, measure, createWriteStream(target)).then(
      () => cb(null, { path: target, name, size, sha256: hash.digest('hex') }),
      (err: unknown) => unlink(target).catch(() => undefined).finally(() => cb(err)),
    );
  }

  _removeFile(_req: Request, file: Express.Multer.File, cb: (error: Error | null) => void): void {
    unlink(file.path).then(
      () => cb(null),
      () => cb(null), // already gone: the request dir is removed as a whole anyway
    );
  }
}
