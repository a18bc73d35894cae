import path from 'node:path';
import { readLines, readTsv, resolveMirror } from '@rarerank/io';
import { ChainFile, isLifted } from './chain-file';

const MIRROR = resolveMirror();

/** Data lines of a VCF as column arrays (a plain split is all this oracle needs). */
async function vcfRecords(file: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const { text } of readLines(file)) if (!text.startsWith('#') && text !== '') out.push(text.split('\t'));
  return out;
}

describe('liftover oracles', () => {
  let chain: ChainFile;
  beforeAll(async () => {
    chain = await ChainFile.load(path.join(MIRROR, 'chain', 'hg19ToHg38.over.chain.gz'));
  });

  it('reproduces the GRCh38 Pfeiffer exome lifted from GRCh37 with the same chain', async () => {
    const grch37 = await vcfRecords(path.join(MIRROR, 'vcf', 'pfeiffer.exome.GRCh37.vcf.gz'));
    const grch38 = await vcfRecords(path.join(MIRROR, 'vcf', 'pfeiffer.exome.GRCh38.vcf.gz'));
    expect(grch37).toHaveLength(37_709);
    expect(grch38).toHaveLength(37_024);

    const lifted = grch37.map((r) => chain.liftVariant({ chrom: r[0], pos: Number(r[1]), ref: r[3], alt: r[4] }));

    // The lift kept every column except CHROM/POS/REF/ALT, so ID..sample identifies the record pair.
    const key = (r: string[]) => [r[2], ...r.slice(5)].join('\t');
    const byKey = new Map<string, string[][]>();
    for (const r of grch38) byKey.set(key(r), [...(byKey.get(key(r)) ?? []), r]);

    let inBoth = 0;
    let same = 0;
    let unmappedButPresent = 0;
    let refusedAtGap = 0;
    const mismatches: string[] = [];
    grch37.forEach((r, i) => {
      const candidates = byKey.get(key(r));
      const l = lifted[i];
      if ('unmapped' in l) {
        if (!candidates) return;
        // the tool lifted indels where the assemblies differ, which we refuse: each must be one of those
        const atGap = /alignment gap: the assemblies differ/.test(l.unmapped) && candidates.every((c) => chain.indelAtNewAssemblyGap(c[0], Number(c[1]), c[3].length));
        if (atGap) refusedAtGap++;
        else unmappedButPresent++;
        return;
      }
      if (!candidates) return;
      inBoth++;
      const hit = candidates.some((c) => c[0] === l.chrom && Number(c[1]) === l.pos && c[3] === l.ref && c[4] === l.alt);
      if (hit) same++;
      else mismatches.push(`${r.slice(0, 5).join(' ')} → ${(['chrom', 'pos', 'ref', 'alt'] as const).map((k) => l[k]).join(' ')}`);
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(inBoth).toBeGreaterThan(36_900);
    expect(same / inBoth).toBeGreaterThanOrEqual(0.995);
    expect(unmappedButPresent).toBe(0); // nothing else we call unliftable was lifted by the reference tool
    // 117 indels, almost all homozygous insertions with dbSNP ids (GRCh37 reference errors)
    expect(refusedAtGap).toBe(117);

    // Reverse-strand SNVs were lifted too: reverse-complemented alleles at the lifted left end.
    const minus = lifted.filter(isLifted).filter((l) => l.strand === '-');
    expect(minus.length).toBeGreaterThan(200);
  });

  it('agrees with the GRCh37/GRCh38 locations of the ClinVar web export', async () => {
    let snv = 0;
    let snvSame = 0;
    let ranges = 0;
    let rangesSame = 0;
    let minus = 0;
    const wrong: string[] = [];
    const file = path.join(MIRROR, 'clinvar', 'clinvar.web-export.denovo-P-LP.GRCh38.tsv.gz');
    for await (const row of readTsv(file, { required: ['GRCh37Chromosome', 'GRCh37Location', 'GRCh38Chromosome', 'GRCh38Location', 'Variant type'] })) {
      const c37 = row.get('GRCh37Chromosome');
      const c38 = `chr${row.get('GRCh38Chromosome').replace(/^MT$/, 'M')}`;
      const l37 = row.get('GRCh37Location').split(' - ').map(Number);
      const l38 = row.get('GRCh38Location').split(' - ').map(Number);
      if (!c37 || l37.some((n) => !Number.isInteger(n)) || l38.some((n) => !Number.isInteger(n)) || l37.length !== l38.length) continue;
      const isSnv = l37.length === 1 && row.get('Variant type') === 'single nucleotide variant';
      if (isSnv) snv++;
      else if (l37.length === 2) ranges++;
      else continue;
      const ends = l37.map((p) => chain.liftPosition(c37, p));
      if (ends.some((e) => e === null || e.chrom !== c38)) {
        wrong.push(`${c37}:${l37.join('-')} → ${JSON.stringify(ends)} (ClinVar ${c38}:${l38.join('-')})`);
        continue;
      }
      // a '-' strand lift turns the span around
      const got = ends.map((e) => e!.pos).sort((a, b) => a - b);
      const ok = got.every((p, i) => p === l38[i]);
      if (ends[0]!.strand === '-') minus++;
      if (ok && isSnv) snvSame++;
      if (ok && !isSnv) rangesSame++;
      if (!ok) wrong.push(`${c37}:${l37.join('-')} → ${got.join('-')} (ClinVar ${c38}:${l38.join('-')})`);
    }
    expect(snv).toBe(7130);
    expect(snvSame).toBe(snv); // NCBI remap and the UCSC chain agree on every SNV here
    expect(ranges).toBeGreaterThan(2000);
    expect(rangesSame / ranges).toBeGreaterThanOrEqual(0.99);
    // the few range differences are indels ClinVar re-aligned differently within repeats on GRCh38
    expect(wrong.length).toBeLessThan(15);
    expect(minus).toBeGreaterThanOrEqual(1);
  });
});
