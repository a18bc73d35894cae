import { type CaseProgress, pendingStageJobs } from './pending-jobs';

const analysis = { n: 1, status: 'annotating', variantsFrom: 1, phenotypeDone: false, chunksDone: [] as number[] };
const at = (over: Partial<typeof analysis>, total: number | 'not ingested' = 3, n = 1): CaseProgress => ({
  id: '0b5c5c84-8d0a-4a52-9d5e-3a4f1f0e6a11',
  labId: 'lab',
  currentAnalysis: n,
  chunks: total === 'not ingested' ? {} : { total },
  analyses: [{ ...analysis, status: 'completed' }, { ...analysis, n: 2 }].slice(0, n - 1).concat([{ ...analysis, n, variantsFrom: n, ...over }]),
});
const ids = (c: CaseProgress) => pendingStageJobs(c).map((j) => j.contract.jobId(j.payload as never));
const id = '0b5c5c84-8d0a-4a52-9d5e-3a4f1f0e6a11';

describe('pendingStageJobs', () => {
  it('is ingest until the chunks are stored', () => {
    expect(ids(at({ status: 'received' }, 'not ingested'))).toEqual([`${id}.a1.ingest`]);
    expect(ids(at({ status: 'ingesting' }, 'not ingested'))).toEqual([`${id}.a1.ingest`]);
  });

  it('is the chunks not yet annotated and the phenotype, then the rank job', () => {
    expect(ids(at({ chunksDone: [1] }))).toEqual([`${id}.a1.chunk0`, `${id}.a1.chunk2`, `${id}.a1.phenotype`]);
    expect(ids(at({ chunksDone: [0, 1, 2] }))).toEqual([`${id}.a1.phenotype`]);
    expect(ids(at({ chunksDone: [0, 1, 2], phenotypeDone: true }))).toEqual([`${id}.a1.rank`]);
    expect(ids(at({ phenotypeDone: true }, 0))).toEqual([`${id}.a1.rank`]);
    expect(ids(at({ status: 'ranking', chunksDone: [0, 1, 2], phenotypeDone: true }))).toEqual([`${id}.a1.rank`]);
  });

  it('starts a reanalysis from the stored chunks, skips annotation when it reuses candidates, and has nothing for finished analyses', () => {
    expect(ids(at({ status: 'received' }, 3, 2))).toEqual([`${id}.a2.chunk0`, `${id}.a2.chunk1`, `${id}.a2.chunk2`, `${id}.a2.phenotype`]);
    expect(ids(at({ status: 'received', variantsFrom: 1 }, 3, 2))).toEqual([`${id}.a2.phenotype`]);
    expect(ids(at({ variantsFrom: 1 }, 3, 2))).toEqual([`${id}.a2.phenotype`]);
    expect(ids(at({ status: 'completed' }))).toEqual([]);
    expect(ids(at({ status: 'failed' }))).toEqual([]);
  });
});
