import { BadRequestException, HttpException, PayloadTooLargeException } from '@nestjs/common';

export interface UploadLimits {
  maxFileBytes: number;
  /** the whole multipart body: every file and field together */
  maxRequestBytes: number;
  maxFiles: number;
  maxFieldBytes: number;
}

type MulterLikeError = Error & { code?: string; field?: string };

/** Our own code for a multipart body past MAX_REQUEST_BYTES (multer has no total limit). */
export const LIMIT_REQUEST_SIZE = 'LIMIT_REQUEST_SIZE';

/** 413 for a request body over MAX_REQUEST_BYTES, declared or counted while it streams in. */
export function requestTooLarge(limits: Pick<UploadLimits, 'maxRequestBytes'>): PayloadTooLargeException {
  return new PayloadTooLargeException(`the request body is larger than ${limits.maxRequestBytes} bytes (MAX_REQUEST_BYTES: all files and fields together)`);
}

/**
 * A multer/busboy failure as the client should see it: limits are 413 naming the limit and the
 * field, malformed or interrupted bodies 400. Our own HttpExceptions pass through.
 */
export function uploadErrorToHttp(err: unknown, limits: UploadLimits): HttpException {
  if (err instanceof HttpException) return err;
  const e = err as MulterLikeError;
  const field = e.field;
  const named = (text: string) => (field ? `${field}: ${text}` : text);
  switch (e.code) {
    case LIMIT_REQUEST_SIZE:
      return requestTooLarge(limits);
    case 'LIMIT_FILE_SIZE':
      return new PayloadTooLargeException({ message: named(`file is larger than the upload limit of ${limits.maxFileBytes} bytes (MAX_UPLOAD_BYTES)`), field });
    case 'LIMIT_FILE_COUNT':
      return new PayloadTooLargeException(`too many files: at most ${limits.maxFiles} per request (MAX_FILES)`);
    case 'LIMIT_FIELD_VALUE':
      return new PayloadTooLargeException({ message: named(`value is larger than ${limits.maxFieldBytes} bytes (JSON_BODY_LIMIT)`), field });
    case 'LIMIT_PART_COUNT':
    case 'LIMIT_FIELD_COUNT':
      return new PayloadTooLargeException('too many parts in the multipart body');
    case 'LIMIT_FIELD_KEY':
      return new BadRequestException('a multipart field name is too long');
    case 'LIMIT_UNEXPECTED_FILE':
      return new BadRequestException({ message: named('unexpected file field'), field });
  }
  // busboy: "Unexpected end of form", "Malformed part header"…; or the client went away mid-upload
  return new BadRequestException(`malformed or interrupted multipart body: ${e.message ?? 'unknown error'}`);
}
