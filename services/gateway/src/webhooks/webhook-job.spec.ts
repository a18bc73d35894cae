import type { CaseStageEvent } from '@rarerank/pipeline';
import { webhookJobId } from './webhook-job';

const event: CaseStageEvent = {
  caseId: '0b5c5c84-8d0a-4a52-9d5e-3a4f1f0e6a11',
  labId: 'lab',
  analysis: 1,
  stage: 'annotate',
  status: 'started',
  at: '2025-01-01T00:00:00.000Z',
  progress: { done: 1, total: 3 },
};

describe('webhookJobId', () => {
  it('is the same for the same event, whatever the key order it arrived in', () => {
    const reordered = JSON.parse(JSON.stringify({ progress: event.progress, at: event.at, status: event.status, stage: event.stage, analysis: 1, labId: 'lab', caseId: event.caseId }));
    expect(webhookJobId(reordered)).toBe(webhookJobId(event));
    expect(webhookJobId(event)).not.toContain(':');
  });

  it('differs between events', () => {
    expect(webhookJobId({ ...event, progress: { done: 2, total: 3 } })).not.toBe(webhookJobId(event));
    expect(webhookJobId({ ...event, status: 'completed' })).not.toBe(webhookJobId(event));
  });
});
