export { packAlleles, unpackAlleles, OVERFLOW } from './allele-code';
export { toDecimal, fromDecimal, DEFAULT_DIGITS } from './decimal';
export { STORE_SCHEMA_VERSION, CHUNK_RECORDS, type StoreColumn, type StoreRecord, type StoreValues, type StoreHeader, type ChunkIndexEntry } from './store-format';
export { StoreWriter, type StoreWriterOptions } from './store-writer';
export { VariantStore, type StoreQuery, type VariantStoreOptions } from './variant-store';
export { normalizedRecords, normalizedBatches, mergeRecords, mergeBatches, flatten, batched, type SourceRecord, type KeyedRecord, type RepeatPolicy } from './source-stream';
export { StoreLookup } from './store-lookup';
export { ChunkIndex, INDEX_BYTES_PER_CHUNK } from './chunk-index';
