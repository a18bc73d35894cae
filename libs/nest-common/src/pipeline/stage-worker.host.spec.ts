import { annotateChunkContract, rankCaseContract, scorePhenotypeContract } from '@rarerank/pipeline';
import { handlerRegistry } from './stage-worker.host';
import type { StageJobHandler } from './stage-job-handler';

const handlerOf = (contract: StageJobHandler['contract']): StageJobHandler => ({ contract, handle: async () => undefined });

describe('handlerRegistry (checked when a worker boots)', () => {
  it('maps each consumed job name to its handler', () => {
    const rank = handlerOf(rankCaseContract);
    expect(handlerRegistry([rankCaseContract], [rank]).get('rank-case')).toBe(rank);
  });

  it('refuses a consumed job without a handler, a handler for a job not consumed and two handlers for one job, naming each', () => {
    const build = () => handlerRegistry([annotateChunkContract, rankCaseContract], [handlerOf(rankCaseContract), handlerOf(rankCaseContract), handlerOf(scorePhenotypeContract)]);
    expect(build).toThrow(/^Pipeline worker misconfigured: /);
    expect(build).toThrow(/no handler for job "annotate-chunk" of queue rarerank-annotation/);
    expect(build).toThrow(/two handlers for job "rank-case"/);
    expect(build).toThrow(/serves job "score-phenotype", which this service does not consume/);
  });
});
