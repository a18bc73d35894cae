import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { clinicalSignificance, normalizeReviewStatus, reviewStars } from './clinvar-classification';
import { readClinvarVcf } from './clinvar-vcf';
import { ucscChrom } from './chrom';
import { mirrorFile, tempDir } from './test-support';
import { infoString, openVcf } from './vcf';

/** The reader as it was before it streamed: every record parsed whole by @gmod/vcf (the oracle). */
async function parsedRecords(file: string) {
  const { header, lines } = await openVcf(file);
  const out: Array<Record<string, unknown>> = [];
  for await (const { variant: v } of lines) {
    const chrom = ucscChrom(v.CHROM ?? '');
    if (!chrom || !v.ALT?.length) continue;
    const reviewStatus = normalizeReviewStatus(infoString(header, v.INFO, 'CLNREVSTAT'));
    const gene = infoString(header, v.INFO, 'GENEINFO')?.split('|')[0]?.split(':')[0];
    for (const alt of v.ALT) {
      if (!/^[ACGTN]+$/i.test(alt)) continue;
      const rec: Record<string, unknown> = { chrom, pos: v.POS, ref: v.REF!.toUpperCase(), alt: alt.toUpperCase(), significance: clinicalSignificance(infoString(header, v.INFO, 'CLNSIG')), reviewStatus, stars: reviewStars(reviewStatus) };
      if (v.ID?.[0]) rec.variationId = v.ID[0];
      if (gene) rec.geneSymbol = gene;
      const alleleId = infoString(header, v.INFO, 'ALLELEID');
      if (alleleId) rec.alleleId = alleleId;
      const names = infoString(header, v.INFO, 'CLNDN');
      if (names) rec.diseaseNames = names;
      out.push(rec);
    }
  }
  return out;
}

describe('official ClinVar VCF, streamed from the text lines', () => {
  it.each([['clinvar.2023-07-10.GRCh37.excerpt.vcf.gz'], ['clinvar.2022-09-24.GRCh38.chr15.no-info.vcf.gz']])('%s: every record equal to the parsed reading', async (name) => {
    const file = mirrorFile('clinvar', name);
    const streamed = (await readClinvarVcf(file)).records.map(({ assembly: _a, source: _s, ...r }) => r);
    expect(streamed).toEqual(await parsedRecords(file));
    expect(streamed.length).toBeGreaterThan(1000);
  });

  it('UTF-8 and percent-encoded INFO text, keys first or last, missing values: every record equal to the parsed reading', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const decl = (id: string, number: string, type: string) => `##INFO=<ID=${id},Number=${number},Type=${type},Description="x">`;
      const file = path.join(dir, 'clinvar_text.vcf');
      writeFileSync(file, [
        '##fileformat=VCFv4.1',
        '##reference=GRCh38',
        decl('ALLELEID', '1', 'Integer'),
        decl('CLNDN', '.', 'String'),
        decl('CLNSIG', '.', 'String'),
        decl('CLNREVSTAT', '.', 'String'),
        decl('GENEINFO', '1', 'String'),
        '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
        '1\t100\t11\tA\tG\t.\t.\tCLNDN=Sjögren-Larsson_syndrome|Charcot–Marie–Tooth_disease;ALLELEID=5;CLNSIG=Pathogenic;GENEINFO=ALDH3A2:224',
        '1\t200\t12\tC\tT,A\t.\t.\tALLELEID=6;CLNSIG=Benign%2FLikely_benign;CLNDN=Café-au-lait_macules%2C_multiple|not_provided;CLNREVSTAT=criteria_provided,_single_submitter',
        '2\t300\t.\tG\tGA\t.\t.\tCLNSIG=.;CLNDN=;GENEINFO=日本:1;ALLELEID=7',
        '2\t400\t14\tT\tC\t.\t.\tCLNDN=bad_%ZZ_escape,Ünïcode;CLNSIG=Uncertain_significance',
        'X\t500\t15\tA\tT\t.\t.\tCLNSIG=Likely_pathogenic;CLNDN=Ø',
        '',
      ].join('\n'));
      const streamed = (await readClinvarVcf(file)).records.map(({ assembly: _a, source: _s, ...r }) => r);
      expect(streamed).toEqual(await parsedRecords(file));
      expect(streamed.map((r) => r.diseaseNames)).toEqual([
        'Sjögren-Larsson_syndrome|Charcot–Marie–Tooth_disease',
        'Café-au-lait_macules,_multiple|not_provided',
        'Café-au-lait_macules,_multiple|not_provided',
        undefined,
        'bad_%ZZ_escape,Ünïcode',
        'Ø',
      ]);
      expect(streamed[3].geneSymbol).toBe('日本');
    } finally {
      cleanup();
    }
  });

  it('keeps ALLELEID and CLNDN', async () => {
    const r = await readClinvarVcf(mirrorFile('clinvar', 'clinvar.2023-07-10.GRCh37.excerpt.vcf.gz'));
    // 1 69134 2205837 A G … ALLELEID=2193183;CLNDN=Inborn_genetic_diseases;…;CLNSIG=Likely_benign
    expect(r.records[0]).toMatchObject({ chrom: 'chr1', pos: 69134, variationId: '2205837', alleleId: '2193183', diseaseNames: 'Inborn_genetic_diseases', significance: 'likely_benign', source: path.basename(r.records[0].source) });
  });

  it('bad input names the file, line and field: a non-numeric POS, ALLELEID declared with another Number', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const head = ['##fileformat=VCFv4.1', '##reference=GRCh38', '##INFO=<ID=ALLELEID,Number=1,Type=Integer,Description="the ClinVar Allele ID">', '##INFO=<ID=CLNSIG,Number=.,Type=String,Description="x">', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO'];
      const pos = path.join(dir, 'clinvar_bad_pos.vcf');
      writeFileSync(pos, [...head, '1\t100\t1\tA\tG\t.\t.\tALLELEID=5;CLNSIG=Benign', '1\t1o1\t2\tA\tG\t.\t.\tCLNSIG=Benign', ''].join('\n'));
      await expect(readClinvarVcf(pos)).rejects.toThrow(/clinvar_bad_pos\.vcf, line 7, field POS: POS is not a positive integer: "1o1"/);
      const decl = path.join(dir, 'clinvar_bad_decl.vcf');
      writeFileSync(decl, [...head.map((l) => l.replace('ID=ALLELEID,Number=1', 'ID=ALLELEID,Number=.')), ''].join('\n'));
      await expect(readClinvarVcf(decl)).rejects.toThrow(/clinvar_bad_decl\.vcf, line 3, field INFO\/ALLELEID: INFO ALLELEID is declared Number=\.,Type=Integer/);
    } finally {
      cleanup();
    }
  });
});
