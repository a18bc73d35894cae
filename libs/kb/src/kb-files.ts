/** File names inside a KB directory (relative), shared by the writer and the loader. */
export const KB_FILES = {
  phenotype: 'phenotype/phenotype.json',
  termText: 'phenotype/term-text.json',
  transcripts: 'genes/transcripts.json',
  genes: 'genes/genes.json',
  chain: 'liftover/hg19ToHg38.over.chain.gz',
  clinvar: 'variants/clinvar.rrvt',
  frequency: 'variants/frequency.rrvt',
  pathogenicMissense: 'variants/pathogenic-missense.rrvt',
} as const;
