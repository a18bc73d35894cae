import type { CaseReview } from './case-review';
import { formatReportHtml } from './report-html';
import { formatResultsJson } from './results-json';
import { sampleCaseResult } from './sample-case-result';

const reported: CaseReview = {
  status: 'reported',
  reportAnalysis: 2,
  signoff: { analysis: 2, signedOffBy: 'Alice <A>', signedOffAt: '2025-03-01T10:00:00.000Z', approvedBy: 'Bob', approvedAt: '2025-03-02T09:00:00.000Z' },
  classifications: [
    {
      kind: 'variant',
      key: 'chr15-48487317-C-A',
      acmgClass: 'likely_pathogenic',
      tags: ['candidate'],
      criteriaChanges: [{ criterion: 'PM2', action: 'strength', strength: 'supporting' }],
      note: 'de novo <confirmed>',
      reviewer: 'Alice <A>',
      analysis: 2,
      updatedAt: '2025-03-01T09:00:00.000Z',
    },
  ],
};

describe('the review in the report of a reviewed case', () => {
  it('shows the sign-off and approval with the analysis they cover, and each classification, escaped', () => {
    const html = formatReportHtml(sampleCaseResult(), { review: reported });
    expect(html).toContain('<dt>Signed off</dt><dd>Alice &lt;A&gt;, 2025-03-01T10:00:00.000Z, covering analysis 2</dd>');
    expect(html).toContain('<dt>Approved</dt><dd>Bob, 2025-03-02T09:00:00.000Z, covering analysis 2</dd>');
    expect(html).toContain('chr15-48487317-C-A');
    expect(html).toContain('strength PM2 (supporting)');
    expect(html).toContain('de novo &lt;confirmed&gt;');
    expect(html).not.toContain('the sign-off and approval cover');
  });

  it('warns when the report shows another analysis than the signed-off one', () => {
    const html = formatReportHtml(sampleCaseResult(), { review: { ...reported, reportAnalysis: 1 } });
    expect(html).toContain('This report shows analysis 1; the sign-off and approval cover analysis 2.');
  });

  it('is absent from the CLI report and results.json, and appended to results.json when given', () => {
    expect(formatReportHtml(sampleCaseResult())).not.toContain('id="review"');
    const plain = formatResultsJson(sampleCaseResult());
    expect(plain).not.toContain('"review"');
    const withReview = JSON.parse(formatResultsJson(sampleCaseResult(), reported));
    expect(Object.keys(withReview).at(-1)).toBe('review');
    expect(withReview.review).toEqual(reported);
    expect({ ...withReview, review: undefined }).toEqual({ ...JSON.parse(plain), review: undefined });
  });
});
