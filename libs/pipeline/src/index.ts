export * from './queues';
export * from './contracts';
export * from './enqueue';
export * from './stage-event';
export * from './chunk-variants';
export * from './ranking-changes';
export * from './pending-jobs';
