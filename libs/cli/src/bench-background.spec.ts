import { backgroundLine } from './bench-command';

describe("the bench's background line", () => {
  it('states the share of the background the in-house cohort carries', () => {
    expect(backgroundLine({ variants: 1000, inCohort: 130 })).toBe("Background: 1000 annotated variants, 130 (13.0%) carried by the KB's in-house cohort.\n");
  });

  it('warns when the background is mostly in the cohort (its own sample: the benchmark would filter its background)', () => {
    expect(backgroundLine({ variants: 1000, inCohort: 990 })).toMatch(/^Background: .*\nWARNING: most of the background is in the KB's in-house cohort/);
  });

  it('says nothing when the bench annotated no shared background (--faithful)', () => {
    expect(backgroundLine(undefined)).toBe('');
  });
});
