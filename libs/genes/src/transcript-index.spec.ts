import path from 'node:path';
import { resolveMirror, seededRandom } from '@rarerank/io';
import { readBigGenePred } from './big-gene-pred';
import { PRIMARY_CHROMS } from './chrom';
import { Transcript } from './transcript';
import { TranscriptIndex } from './transcript-index';

const MANE = path.join(resolveMirror(), 'genes', 'mane.GRCh38.bigGenePred.bb');


describe('TranscriptIndex over the MANE set', () => {
  let mane: Transcript[];
  let index: TranscriptIndex;
  beforeAll(async () => {
    mane = await readBigGenePred(MANE);
    index = new TranscriptIndex(mane);
  });

  it('indexes every transcript', () => {
    expect(index.size).toBe(19_316);
  });

  it('agrees with a brute-force scan on 3,000 random queries (points, exon-sized and Mb-sized)', () => {
    const rand = seededRandom(20240607);
    const byChrom = new Map<string, Transcript[]>();
    for (const t of mane) byChrom.set(t.chrom, [...(byChrom.get(t.chrom) ?? []), t]);
    const chroms = PRIMARY_CHROMS.filter((c) => byChrom.has(c));
    let nonEmpty = 0;
    for (let q = 0; q < 3000; q++) {
      const chrom = chroms[Math.floor(rand() * chroms.length)];
      const list = byChrom.get(chrom)!;
      const maxEnd = Math.max(...list.map((t) => t.end));
      const len = [1, 1, 50, 2_000, 1_000_000][q % 5];
      // half the queries start inside a transcript so most are non-trivial
      const anchor = q % 2 ? list[Math.floor(rand() * list.length)].start + Math.floor(rand() * 5000) - 2500 : Math.floor(rand() * maxEnd);
      const start = Math.max(0, anchor);
      const end = start + len;
      const expected = list.filter((t) => t.start < end && start < t.end).map((t) => t.id).sort();
      const got = index.overlapping(chrom.replace('chr', ''), start, end).map((t) => t.id).sort();
      expect(got).toEqual(expected);
      if (expected.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(1000);
  });

  it('treats coordinates as half-open and returns hits in start order', () => {
    const fgfr2 = index.bySymbol('FGFR2');
    expect(fgfr2.map((t) => t.id).sort()).toEqual(['ENST00000358487.10', 'ENST00000457416.7']);
    const [t] = fgfr2;
    expect(index.overlapping('chr10', t.end, t.end + 10).filter((x) => x.geneSymbol === 'FGFR2')).toEqual([]);
    expect(index.overlapping('chr10', t.end - 1, t.end).filter((x) => x.geneSymbol === 'FGFR2')).toHaveLength(2);
    expect(index.overlapping('chr10', t.start - 10, t.start).filter((x) => x.geneSymbol === 'FGFR2')).toEqual([]);
    const wide = index.overlapping('10', 100_000_000, 130_000_000);
    expect(wide.map((x) => x.start)).toEqual([...wide.map((x) => x.start)].sort((a, b) => a - b));
    expect(index.overlapping('chr10', 5, 5)).toEqual([]);
    expect(index.overlapping('chrUn_nothing', 0, 1e9)).toEqual([]);
  });

  it('looks up by symbol (case-insensitive) and by id with or without version', () => {
    expect(index.bySymbol('brca1').map((t) => t.id)).toEqual(['ENST00000357654.9']);
    expect(index.byId('ENST00000357654').map((t) => t.geneSymbol)).toEqual(['BRCA1']);
    expect(index.byId('ENST00000357654.9')).toHaveLength(1);
    expect(index.byId('ENST00000357654.8')).toEqual([]);
    expect(index.byId('NM_007294.4').map((t) => t.geneSymbol)).toEqual(['BRCA1']);
    expect(index.bySymbol('NOT_A_GENE')).toEqual([]);
  });

  it('answers 200,000 point queries', () => {
    const rand = seededRandom(7);
    let hits = 0;
    for (let i = 0; i < 200_000; i++) {
      const p = Math.floor(rand() * 248_000_000);
      hits += index.overlapping('chr1', p, p + 1).length;
    }
    expect(hits).toBeGreaterThan(10_000);
  });
});

describe('TranscriptIndex interval tree on synthetic intervals', () => {
  const tx = (i: number, start: number, end: number): Transcript => ({
    id: `T${i}`, geneSymbol: `G${i}`, chrom: 'chr1', strand: '+', start, end, exons: [[start, end]], tags: [], source: 'gtf',
  });

  it('matches brute force for every size from 0 to 70 and long nested intervals', () => {
    const rand = seededRandom(99);
    for (let n = 0; n <= 70; n++) {
      const items = Array.from({ length: n }, (_, i) => {
        const s = Math.floor(rand() * 10_000);
        return tx(i, s, s + 1 + Math.floor(rand() < 0.1 ? rand() * 10_000 : rand() * 100));
      });
      const index = new TranscriptIndex(items);
      for (let q = 0; q < 60; q++) {
        const s = Math.floor(rand() * 10_500);
        const e = s + 1 + Math.floor(rand() * 300);
        const expected = items.filter((t) => t.start < e && s < t.end).map((t) => t.id).sort();
        expect(index.overlapping('chr1', s, e).map((t) => t.id).sort()).toEqual(expected);
      }
    }
  });
});
