/**
 * An error in user-supplied or reference input. It always names the file and, where known,
 * the 1-based line and the field, so a lab can find and fix the problem.
 */
export interface InputLocation {
  file: string;
  line?: number;
  field?: string;
}

/** Longest quoted value in a message: enough to recognise it, never the 100 MB a hostile field holds. */
export const EXCERPT_CHARS = 80;
/** Backstop for the whole reason, whatever a reader put in it. */
export const MAX_REASON_CHARS = 1000;
const MAX_NAME_CHARS = 200;

/** `value` cut to `max` characters, saying how much was left out. */
export function excerpt(value: string, max = EXCERPT_CHARS): string {
  if (value.length <= max) return value;
  return `${value.slice(0, max)}… (${value.length - max} more characters)`;
}

export class InputError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly field?: string;
  readonly reason: string;

  constructor(reason: string, where: InputLocation) {
    // every message is bounded here, so no reader can echo a huge bad value to a log or a client
    const bounded = excerpt(reason, MAX_REASON_CHARS);
    // a file is named in full (a path is bounded by the OS; upload names are cut at 200 characters)
    const file = where.file;
    const field = where.field === undefined ? undefined : excerpt(where.field, MAX_NAME_CHARS);
    const at = [file, where.line !== undefined ? `line ${where.line}` : undefined, field ? `field ${field}` : undefined].filter(Boolean).join(', ');
    super(`${at}: ${bounded}`);
    this.name = 'InputError';
    this.reason = bounded;
    this.file = file;
    this.line = where.line;
    this.field = field;
  }
}
