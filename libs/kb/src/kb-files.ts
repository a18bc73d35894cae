/** File names inside a KB directory (relative), shared by the writer and the loader. */
export const KB_FILES = {
  phenotype: 'phenotype/phenotype.json',
  termText: 'phenotype/term-text.json',
  transcripts: 'genes/transcripts.json',
  genes: 'genes/genes.json',
  chain: 'liftover/hg19ToHg38.over.chain.gz',
  mouseModels: 'gene-evidence/mouse-models.json',
  proximity: 'gene-evidence/interactome-proximity.bin',
  clingen: 'gene-evidence/clingen-validity.json',
  clinvar: 'variants/clinvar.rrvs',
  frequency: 'variants/frequency.rrvs',
  pathogenicMissense: 'variants/pathogenic-missense.rrvt',
  spliceai: 'variants/spliceai.rrvs',
  cadd: 'variants/cadd.rrvs',
  revel: 'variants/revel.rrvs',
  alphamissense: 'variants/alphamissense.rrvs',
  dbnsfp: 'variants/dbnsfp.rrvs',
} as const;

/**
 * The variant-level predictor tables: KB table, the annotation field it feeds
 * (`PredictorEvidence` in @rarerank/case-model) and the column holding the score.
 */
export const PREDICTOR_TABLES = [
  { table: 'revel', field: 'revel', column: 'revel' },
  { table: 'spliceai', field: 'spliceAi', column: 'spliceAiMax' },
  { table: 'cadd', field: 'cadd', column: 'caddPhred' },
  { table: 'alphamissense', field: 'alphaMissense', column: 'alphaMissense' },
] as const;

/** dbNSFP columns that feed an annotation field when chosen (`--dbnsfp-columns`); other chosen columns are stored only. */
export const DBNSFP_PREDICTOR_COLUMNS = [
  { column: 'REVEL_score', field: 'revel' },
  { column: 'CADD_phred', field: 'cadd' },
  { column: 'AlphaMissense_score', field: 'alphaMissense' },
] as const;
