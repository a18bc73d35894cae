import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Variant arrays are stored as gzipped JSON, not as nested documents: genotypes are keyed by
 * VCF sample names, which may contain '.' or start with '$' (FerretDB rejects such keys), and a
 * 2,000-variant chunk as a document is ~4 MB that FerretDB/SQLite converts slowly; gzipped it is
 * ~20× smaller and round-trips ~10× faster.
 */
export function encodeVariants(variants: readonly unknown[]): Buffer {
  return gzipSync(JSON.stringify(variants), { level: 6 });
}

export function decodeVariants<T>(gz: Buffer): T[] {
  return JSON.parse(gunzipSync(gz).toString('utf8')) as T[];
}
