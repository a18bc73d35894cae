import path from 'node:path';
import { resolveMirror } from '@rarerank/io';
import { spikedRecordsHeader, vcfHeader } from './vcf-lines';

describe('the header of the spiked records', () => {
  it("is the background's without its note that it was lifted from GRCh37 (the causal variants are native GRCh38)", async () => {
    const header = await vcfHeader(path.join(resolveMirror(), 'vcf', 'pfeiffer.exome.GRCh38.bench-background.vcf.gz'));
    expect(header.some((l) => l.startsWith('##liftover='))).toBe(true);
    const spiked = spikedRecordsHeader(header);
    expect(spiked.some((l) => l.startsWith('##liftover='))).toBe(false);
    expect(spiked).toHaveLength(header.length - 1);
    expect(spiked.at(-1)).toBe(header.at(-1));
  });
});
