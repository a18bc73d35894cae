/**
 * An error in user-supplied or reference input. It always names the file and, where known,
 * the 1-based line and the field, so a lab can find and fix the problem.
 */
export interface InputLocation {
  file: string;
  line?: number;
  field?: string;
}

export class InputError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly field?: string;
  readonly reason: string;

  constructor(reason: string, where: InputLocation) {
    const at = [where.file, where.line !== undefined ? `line ${where.line}` : undefined, where.field ? `field ${where.field}` : undefined]
      .filter(Boolean)
      .join(', ');
    super(`${at}: ${reason}`);
    this.name = 'InputError';
    this.reason = reason;
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }
}
