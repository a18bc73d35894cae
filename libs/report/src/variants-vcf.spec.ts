import VCFParser from '@gmod/vcf';
import { sampleCaseResult } from './sample-case-result';
import { formatVariantsVcf, vcfInfoValue } from './variants-vcf';

function parseVcf(text: string) {
  const lines = text.trimEnd().split('\n');
  const header = lines.filter((l) => l.startsWith('#')).join('\n');
  const body = lines.filter((l) => !l.startsWith('#'));
  const parser = new VCFParser({ header, strict: true });
  return { parser, body, records: body.map((l) => parser.parseLine(l)) };
}

describe('variants.vcf', () => {
  const text = formatVariantsVcf(sampleCaseResult());

  it('is a VCF 4.2 with INFO definitions and declared contigs that @gmod/vcf parses', () => {
    expect(text.startsWith('##fileformat=VCFv4.2\n')).toBe(true);
    const { parser, records, body } = parseVcf(text);
    const info = parser.getMetadata('INFO') as Record<string, { Type: string; Number: unknown }>;
    for (const id of ['RARERANK_RANK', 'RARERANK_GENE', 'RARERANK_SCORE', 'RARERANK_CSQ', 'RARERANK_ACMG']) expect(info[id]).toBeDefined();
    expect(info.RARERANK_RANK.Type).toBe('Integer');
    expect(info.RARERANK_SCORE.Type).toBe('Float');
    const contigs = parser.getMetadata('contig') as Record<string, unknown>;
    for (const r of records) expect(contigs[r.CHROM!]).toBeDefined();
    expect(records).toHaveLength(4);
    expect(body.every((l) => l.split('\t').length === 8)).toBe(true);
  });

  it('sorts records by contig and position', () => {
    const { records } = parseVcf(text);
    expect(records.map((r) => `${r.CHROM}:${r.POS}`)).toEqual(['chr7:117509100', 'chr7:117559590', 'chr15:48487367', 'chrX:68048000']);
  });

  it('carries rank, gene, score, consequence and ACMG in INFO, escaped so values round-trip', () => {
    const { records } = parseVcf(text);
    const f508 = records.find((r) => r.POS === 117559590)!;
    expect(f508.REF).toBe('ATCT');
    expect(f508.ALT).toEqual(['A']);
    expect(f508.INFO.RARERANK_RANK).toEqual([2]);
    expect(f508.INFO.RARERANK_GENE).toEqual(['CFTR']);
    expect(f508.INFO.RARERANK_GENE_RANK).toEqual([2]);
    expect(f508.INFO.RARERANK_SCORE).toEqual([0.85]);
    expect(f508.INFO.RARERANK_CSQ).toEqual(['inframe_deletion|NM_000492.4|NM_000492.4:c.1521_1523del|p.(Phe508del)']);
    expect(f508.INFO.RARERANK_ACMG).toEqual(['uncertain_significance|4|PP5_Strong']);
    expect(f508.INFO.RARERANK_AF).toEqual([0.00712346]);
    // spaces, ';' and ',' in the ClinVar text are percent-encoded and decoded by the parser
    expect(f508.INFO.RARERANK_CLINVAR).toEqual(['Pathogenic/Likely pathogenic; drug response, other']);
    expect(f508.INFO.RARERANK_CONTRIBUTING).toBe(true);
    expect(f508.INFO.RARERANK_EVIDENCE_FROM).toEqual(['frequency:input&clinvar:kb']);
    const fbn1 = records.find((r) => (r.INFO.RARERANK_GENE as string[] | undefined)?.[0] === 'FBN1')!;
    expect(fbn1.INFO.RARERANK_ACMG).toEqual(['pathogenic|9|PVS1&PM2_Supporting']);
    expect(fbn1.INFO.RARERANK_CSQ).toEqual(['frameshift_variant|NM_000138.5|NM_000138.5:c.3458del|.']);
    expect(fbn1.INFO.RARERANK_AF).toBeUndefined();
    const ophn1 = records.find((r) => r.CHROM === 'chrX')!;
    expect(ophn1.INFO.RARERANK_CONTRIBUTING).toBeUndefined();
  });

  it('never writes a raw space, semicolon, comma or equals sign inside an INFO value', () => {
    const infos = text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[7]);
    for (const info of infos) {
      expect(info).not.toMatch(/\s/);
      for (const pair of info.split(';')) {
        const [, value = ''] = pair.split(/=(.*)/s);
        expect(value).not.toMatch(/[;=,]/);
      }
    }
    expect(vcfInfoValue('a b;c=d,e%f|g&h')).toBe('a%20b%3Bc%3Dd%2Ce%25f%7Cg%26h');
    expect(vcfInfoValue('')).toBe('.');
  });

  it('declares contigs outside the primary assembly too', () => {
    const r = sampleCaseResult();
    r.variants[0].chrom = 'chrUn_KI270742v1';
    const { parser, records } = parseVcf(formatVariantsVcf(r));
    expect((parser.getMetadata('contig') as Record<string, unknown>).chrUn_KI270742v1).toBeDefined();
    expect(records.at(-1)!.CHROM).toBe('chrUn_KI270742v1');
  });
});
