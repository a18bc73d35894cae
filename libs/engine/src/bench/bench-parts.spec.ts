import { caseTruth, stripTruth } from './case-truth';
import { RankMetrics } from './metrics';
import { everyNth } from './run-bench';
import { mergeSorted, spikedLines } from './spike';

// A hand-written phenopacket in phenopacket-store's shape (not a real case).
const pp = {
  id: 'made-up',
  phenotypicFeatures: [{ type: { id: 'HP:0001166' } }],
  interpretations: [
    {
      diagnosis: {
        disease: { id: 'OMIM:154700' },
        genomicInterpretations: [
          { variantInterpretation: { variationDescriptor: { geneContext: { symbol: 'FBN1', valueId: 'HGNC:3603' }, vcfRecord: { genomeAssembly: 'hg38', chrom: 'chr15', pos: 48487317, ref: 'C', alt: 'A' }, allelicState: { id: 'GENO:0000135' } } } },
          { variantInterpretation: { variationDescriptor: { geneContext: { symbol: 'FBN1' }, vcfRecord: { genomeAssembly: 'hg19', chrom: '15', pos: 1, ref: 'C', alt: 'A' }, allelicState: { id: 'GENO:0000135' } } } },
          { variantInterpretation: { variationDescriptor: { geneContext: { symbol: 'FBN1' }, allelicState: { id: 'GENO:0000136' } } } },
        ],
      },
    },
  ],
  diseases: [{ term: { id: 'OMIM:154700' } }],
};

describe('benchmark parts', () => {
  it('extracts the truth and says why variants cannot be spiked', () => {
    const t = caseTruth(pp);
    expect(t.diseaseIds).toEqual(['OMIM:154700']);
    expect(t.genes).toEqual(['FBN1']);
    expect(t.hgncIds).toEqual(['HGNC:3603']);
    expect(t.variants).toEqual([{ chrom: 'chr15', pos: 48487317, ref: 'C', alt: 'A', zygosity: 'het', assembly: 'GRCh38' }]);
    expect(t.unspikeable).toEqual(['FBN1: assembly hg19', 'FBN1: no VCF record']);
  });

  it('strips the truth before the engine sees the case', () => {
    const s = stripTruth(pp) as Record<string, unknown>;
    expect(s.interpretations).toBeUndefined();
    expect(s.diseases).toBeUndefined();
    expect(s.phenotypicFeatures).toEqual(pp.phenotypicFeatures);
  });

  it('spiked records carry the background FORMAT and merge in sorted order, replacing a same-position record', () => {
    const spiked = spikedLines(caseTruth(pp), 1);
    expect(spiked).toEqual(['chr15\t48487317\t.\tC\tA\t500\tPASS\t.\tGT:AD:DP:GQ\t0/1:16,15:31:99']);
    const bg = ['chr2\t5\t.\tA\tG\t1\tPASS\t.\tGT\t0/1', 'chr15\t48487317\t.\tC\tT\t1\tPASS\t.\tGT\t0/1', 'chrX\t9\t.\tA\tG\t1\tPASS\t.\tGT\t0/1'];
    const merged = mergeSorted(bg, spiked);
    expect(merged.map((l) => l.split('\t').slice(0, 2).join(':'))).toEqual(['chr2:5', 'chr15:48487317', 'chrX:9']);
    expect(merged[1]).toBe(spiked[0]);
  });

  it('top-k and MRR count a missing result as not found', () => {
    const m = new RankMetrics();
    [1, 2, 11, undefined].forEach((r) => m.add(r));
    expect(m.summary()).toEqual({ n: 4, top1: 0.25, top3: 0.5, top5: 0.5, top10: 0.5, mrr: (1 + 0.5 + 1 / 11) / 4 });
  });
});

describe('everyNth', () => {
  it('takes disjoint slices that together cover every case once', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(everyNth(items, 4, 0)).toEqual([0, 4, 8]);
    expect(everyNth(items, 4, 3)).toEqual([3, 7]);
    expect([0, 1, 2, 3].flatMap((k) => everyNth(items, 4, k)).sort((a, b) => a - b)).toEqual(items);
    expect(everyNth(items, 1)).toEqual(items);
    expect(() => everyNth(items, 4, 4)).toThrow(/offset/);
  });
});
