/** An upload exceeded its size limit; nothing of it is kept. The gateway answers 413. */
export class FileTooLargeError extends Error {
  readonly code = 'FILE_TOO_LARGE';
  constructor(
    readonly filename: string,
    readonly maxBytes: number,
  ) {
    super(`${filename}: larger than the limit of ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** No stored file has this id (or it is not a valid id). */
export class FileNotFoundError extends Error {
  readonly code = 'FILE_NOT_FOUND';
  constructor(readonly fileId: string) {
    super(`stored file ${fileId} not found`);
    this.name = 'FileNotFoundError';
  }
}
