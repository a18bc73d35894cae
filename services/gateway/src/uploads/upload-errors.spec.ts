import { BadRequestException, HttpStatus, NotFoundException } from '@nestjs/common';
import multer from 'multer';
import { LIMIT_REQUEST_SIZE, uploadErrorToHttp } from './upload-errors';

const limits = { maxFileBytes: 1000, maxRequestBytes: 5000, maxFiles: 3, maxFieldBytes: 500 };

describe('uploadErrorToHttp', () => {
  it('maps size and count limits to 413 naming the limit and the field', () => {
    const tooBig = uploadErrorToHttp(new multer.MulterError('LIMIT_FILE_SIZE', 'vcf'), limits);
    expect(tooBig.getStatus()).toBe(HttpStatus.PAYLOAD_TOO_LARGE);
    expect(tooBig.getResponse()).toEqual({ message: 'vcf: file is larger than the upload limit of 1000 bytes (MAX_UPLOAD_BYTES)', field: 'vcf' });
    const tooMany = uploadErrorToHttp(new multer.MulterError('LIMIT_FILE_COUNT'), limits);
    expect(tooMany.getStatus()).toBe(HttpStatus.PAYLOAD_TOO_LARGE);
    expect(tooMany.message).toMatch(/at most 3 per request \(MAX_FILES\)/);
  });

  it('maps the request total to 413 naming MAX_REQUEST_BYTES', () => {
    const total = uploadErrorToHttp(Object.assign(new Error('x'), { code: LIMIT_REQUEST_SIZE }), limits);
    expect(total.getStatus()).toBe(HttpStatus.PAYLOAD_TOO_LARGE);
    expect(total.message).toMatch(/larger than 5000 bytes \(MAX_REQUEST_BYTES/);
  });

  it('maps malformed or aborted bodies to 400 and keeps our own exceptions', () => {
    expect(uploadErrorToHttp(new Error('Unexpected end of form'), limits)).toBeInstanceOf(BadRequestException);
    const own = new NotFoundException('x');
    expect(uploadErrorToHttp(own, limits)).toBe(own);
  });
});
