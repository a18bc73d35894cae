import type { CaseStageEvent } from '@rarerank/pipeline';
import { closesStream, endsAnalysis } from './stage-stream';

const event = (over: Partial<CaseStageEvent>): CaseStageEvent => ({
  caseId: '0b5c5c84-8d0a-4a52-9d5e-3a4f1f0e6a11',
  labId: 'lab',
  analysis: 1,
  stage: 'annotate',
  status: 'started',
  at: '2025-01-01T00:00:00.000Z',
  ...over,
});

describe('stage stream', () => {
  it('ends with ranking completed or any failure', () => {
    expect(endsAnalysis(event({ stage: 'rank', status: 'completed' }))).toBe(true);
    expect(endsAnalysis(event({ stage: 'ingest', status: 'failed', reason: 'bad VCF' }))).toBe(true);
    expect(endsAnalysis(event({ stage: 'annotate', status: 'completed' }))).toBe(false);
    expect(endsAnalysis(event({ stage: 'rank', status: 'started' }))).toBe(false);
  });

  it('ignores the end of an older analysis', () => {
    expect(closesStream(event({ analysis: 1, stage: 'rank', status: 'completed' }), 2)).toBe(false);
    expect(closesStream(event({ analysis: 2, stage: 'rank', status: 'completed' }), 2)).toBe(true);
  });
});
