/** A lean document → the plain shape the repositories return: `_id` as a string `id`, internal fields dropped. */
export function toPlain<T>(doc: object): T {
  const { _id, ...rest } = doc as { _id: unknown } & Record<string, unknown>;
  delete rest.__v;
  delete rest.rev;
  return { id: String(_id), ...rest } as T;
}

export function toPlainOrNull<T>(doc: object | null | undefined): T | null {
  return doc ? toPlain<T>(doc) : null;
}

/** A BSON Binary (as lean reads return it) or a Buffer → Buffer. */
export function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  const bin = value as { buffer?: Uint8Array; value?: () => Uint8Array } | null;
  if (bin && bin.buffer instanceof Uint8Array) return Buffer.from(bin.buffer.buffer, bin.buffer.byteOffset, bin.buffer.byteLength);
  throw new TypeError('expected binary data');
}

export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === 11000;
}

export interface Paging {
  page: number;
  pageSize: number;
  skip: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

/** 1-based page and a page size clamped to [1, MAX_PAGE_SIZE]. */
export function paging(opts: { page?: number; pageSize?: number } = {}): Paging {
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(opts.pageSize ?? DEFAULT_PAGE_SIZE)));
  return { page, pageSize, skip: (page - 1) * pageSize };
}
