/**
 * The pipeline stages in order, named like the suffixes of their job ids (`.ingest`, `.chunk<i>`,
 * `.phenotype`, `.rank`). Case.failure.stage, Case.analyses[].stages and case.stage events use these.
 */
export const PIPELINE_STAGES = ['ingest', 'annotate', 'phenotype', 'rank'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/**
 * BullMQ queue names, one per worker service (keyed by service). Producers and workers import
 * these so a typo cannot silently route jobs to a queue nobody consumes.
 */
export const STAGE_QUEUES = {
  ingestion: 'rarerank-ingestion',
  annotation: 'rarerank-annotation',
  phenotype: 'rarerank-phenotype',
  ranking: 'rarerank-ranking',
} as const;

/** A worker service, i.e. the key of its queue in STAGE_QUEUES. */
export type QueueKey = keyof typeof STAGE_QUEUES;
export const QUEUE_KEYS = Object.keys(STAGE_QUEUES) as QueueKey[];
