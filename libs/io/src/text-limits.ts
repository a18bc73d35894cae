/**
 * Guards every text reader applies, so hostile or corrupt input fails with a message instead of
 * exhausting memory: node:readline and readFile buffer a line or a file of any length into one
 * string, and a 3 MB gzip can hold a 700 MB line that kills the process past V8's string limit.
 */
export interface TextLimits {
  /** longest accepted line in bytes (a corrupt or hostile file may hold no newline at all) */
  maxLineBytes: number;
  /** absolute cap on the decompressed bytes of one file */
  maxDecompressedBytes: number;
  /** decompressed bytes per compressed byte read so far; deflate itself tops out near 1032:1 */
  maxCompressionRatio: number;
}

/**
 * User input (PED, phenopacket, manifest): small text files. 64 MiB stays far below V8's string
 * limit (~512 MiB) for readers that hold the whole text (JSON); a real PED or phenopacket is KBs.
 */
export const INPUT_TEXT_LIMITS: TextLimits = {
  maxLineBytes: 1024 * 1024,
  maxDecompressedBytes: 64 * 1024 ** 2,
  maxCompressionRatio: 1000,
};

/**
 * Reference releases read by the KB build (HPO, gene models, ClinVar, gnomAD, chains): official
 * files are large (gnomAD sites run to tens of GB decompressed) and some have long INFO lines, so
 * only the line length and the gzip-bomb ratio are bounded.
 */
export const REFERENCE_TEXT_LIMITS: TextLimits = {
  maxLineBytes: 64 * 1024 ** 2,
  maxDecompressedBytes: Number.MAX_SAFE_INTEGER,
  maxCompressionRatio: 1000,
};

/** A reader's limits: the defaults for its kind of input, with any overrides. */
export function textLimits(base: TextLimits, overrides: Partial<TextLimits> = {}): TextLimits {
  const out = { ...base };
  for (const key of Object.keys(base) as Array<keyof TextLimits>) {
    const v = overrides[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}
