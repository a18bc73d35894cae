/**
 * BullMQ queue names of the pipeline stages, one per worker service. Producers and workers
 * import these so a typo cannot silently route jobs to a queue nobody consumes.
 */
export const STAGE_QUEUES = {
  ingestion: 'rarerank-ingestion',
  annotation: 'rarerank-annotation',
  phenotype: 'rarerank-phenotype',
  ranking: 'rarerank-ranking',
} as const;

export type Stage = keyof typeof STAGE_QUEUES;
