import { InputError } from '@rarerank/io';
import { minimalAlleles } from '@rarerank/variants-db';
import { mergeRecords, normalizedRecords, type SourceRecord } from './source-stream';
import type { StoreRecord } from './store-format';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const seq = (rand: () => number, n: number) => Array.from({ length: n }, () => 'ACGT'[Math.floor(rand() * 4)]).join('');

/** VCF-style records sorted by raw position, as a release writes them: anchored indels, MNVs, padded SNVs, repeats of one change spelled twice. */
function vcfRecords(seed: number, n: number): SourceRecord[] {
  const rand = rng(seed);
  const out: SourceRecord[] = [];
  let pos = 1;
  for (let i = 0; i < n; i++) {
    pos += Math.floor(rand() * 4);
    const anchor = seq(rand, 1);
    const k = rand();
    const [ref, alt] = k < 0.5 ? [anchor, seq(rand, 1)] : k < 0.7 ? [anchor + seq(rand, 1 + Math.floor(rand() * 6)), anchor] : k < 0.9 ? [anchor, anchor + seq(rand, 1 + Math.floor(rand() * 6))] : [anchor + 'T' + seq(rand, 2), anchor + 'T' + seq(rand, 2)];
    out.push({ chrom: 'chr2', pos, ref, alt, values: { score: Math.floor(rand() * 100) }, line: i + 1 });
  }
  return out;
}

async function* from<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}
async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
const key = (r: StoreRecord) => `${r.chrom}:${r.pos}:${r.ref}>${r.alt}`;
const higher = { prefer: (a: StoreRecord, b: StoreRecord) => (Number(b.values.score) > Number(a.values.score) ? b : a) };

describe('normalizing a source as case variants are normalized', () => {
  it.each([1, 2, 3, 4, 5])('equals a naive minimal-form, sort and keep-the-best on random VCF records (seed %i)', async (seed) => {
    const input = vcfRecords(seed, 3000);
    const got = await all(normalizedRecords(from(input), 'x.vcf', higher));
    const naive = new Map<string, StoreRecord>();
    for (const r of input) {
      const m = minimalAlleles(r.pos, r.ref, r.alt);
      if (!m.ref && !m.alt) continue;
      const rec = { chrom: r.chrom, ...m, values: r.values };
      const cur = naive.get(key(rec));
      naive.set(key(rec), cur ? higher.prefer(cur, rec) : rec);
    }
    const want = [...naive.values()].sort((a, b) => a.pos - b.pos || (`${a.ref}>${a.alt}` < `${b.ref}>${b.alt}` ? -1 : 1));
    expect(got.map((r) => [key(r), r.values.score])).toEqual(want.map((r) => [key(r), r.values.score]));
  });

  it('reports a repeated change (spelled at two anchors) when the source must list each once', async () => {
    const twice: SourceRecord[] = [
      { chrom: 'chr1', pos: 69091, ref: 'A', alt: 'AT', values: {}, line: 7 },
      { chrom: 'chr1', pos: 69092, ref: 'T', alt: 'TT', values: {}, line: 8 },
    ];
    await expect(all(normalizedRecords(from(twice), 'x.vcf', 'error'))).rejects.toThrow(new InputError('duplicate record: chr1:69092 >T (minimal form) was already given at line 7', { file: 'x.vcf', line: 8 }).message);
  });

  it('merges files in karyotype order, combining records of one variant in file order', async () => {
    const a = [{ chrom: 'chr1', pos: 5, ref: 'A', alt: 'C', values: { s: 'a' }, line: 1 }, { chrom: 'chr2', pos: 1, ref: 'A', alt: 'C', values: { s: 'a' }, line: 2 }];
    const b = [{ chrom: 'chr1', pos: 3, ref: 'A', alt: 'C', values: { s: 'b' }, line: 1 }, { chrom: 'chr1', pos: 5, ref: 'A', alt: 'C', values: { s: 'b' }, line: 2 }];
    const streams = [a, b].map((x, i) => normalizedRecords(from(x), `f${i}`, 'error'));
    const got = await all(mergeRecords(streams, (k, n) => ({ ...k, values: { s: `${k.values.s}+${n.values.s}` } })));
    expect(got.map((r) => `${key(r)} ${r.values.s}`)).toEqual(['chr1:3:A>C b', 'chr1:5:A>C a+b', 'chr2:1:A>C a']);
  });
});
