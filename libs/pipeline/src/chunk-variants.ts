/** Variants per annotation job: small enough for a quick retry, large enough to keep jobs few. */
export const CHUNK_SIZE = 2_000;

/** Splits the ingested variants into chunks of at most `size`, in input order (ranking reads them back in chunk order). */
export function chunkVariants<T>(variants: readonly T[], size = CHUNK_SIZE): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`chunk size must be a positive integer, got ${size}`);
  const chunks: T[][] = [];
  for (let i = 0; i < variants.length; i += size) chunks.push(variants.slice(i, i + size));
  return chunks;
}
