// The queue names live with the contracts in @rarerank/pipeline; re-exported for existing importers.
export { STAGE_QUEUES, type QueueKey as Stage } from '@rarerank/pipeline';
