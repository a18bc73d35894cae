import { formatResultsJson, GENES_TSV_COLUMNS, VARIANTS_TSV_COLUMNS } from '@rarerank/report';
// the report library's own fixture (not exported from its index)
import { sampleCaseResult } from '../../../../libs/report/src/sample-case-result';
import { REPORT_FORMATS, renderReport } from './report-formats';

describe('renderReport', () => {
  const result = sampleCaseResult();
  const id = '0b5c5c84-8d0a-4a52-9d5e-3a4f1f0e6a11';

  it('renders every format with its content type', () => {
    const types = REPORT_FORMATS.map((f) => renderReport(result, f, id).contentType.split(';')[0]);
    expect(types).toEqual(['text/html', 'application/json', 'text/tab-separated-values', 'text/vcf', 'application/json']);
  });

  it('json is results.json byte for byte', () => {
    expect(renderReport(result, 'json', id).body).toBe(formatResultsJson(result));
  });

  it('tsv serves the genes table unless the variants one is asked for', () => {
    expect(renderReport(result, 'tsv', id).body.split('\n')[0]).toBe(GENES_TSV_COLUMNS.join('\t'));
    expect(renderReport(result, 'tsv', id, 'variants').body.split('\n')[0]).toBe(VARIANTS_TSV_COLUMNS.join('\t'));
  });

  it('vcf is a VCF and phenopacket a Phenopacket v2', () => {
    expect(renderReport(result, 'vcf', id).body.startsWith('##fileformat=VCFv4.2')).toBe(true);
    expect(JSON.parse(renderReport(result, 'phenopacket', id).body).metaData.phenopacketSchemaVersion).toBe('2.0');
    expect(renderReport(result, 'html', id).fileName).toBe(`${id}.report.html`);
  });
});
