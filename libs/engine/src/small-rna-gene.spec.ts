import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testKbDir } from '@rarerank/kb';
import { Engine } from './engine';

// A hand-written case: the example exome's common variants plus the recurrent ReNU syndrome
// insertion in the snRNA gene RNU4-2 (NR_003137.3:n.64_65insT, GRCh38 chr12:120291839 T>TA),
// which MANE (protein-coding models only) does not cover; the KB models it from its gene interval.
const example = path.resolve(__dirname, '../../../test/example');

describe('a disease gene without a protein-coding model (RNU4-2)', () => {
  let engine: Engine;
  let dir: string;
  beforeAll(async () => {
    engine = await Engine.create({ kbDir: testKbDir() });
    dir = mkdtempSync(path.join(tmpdir(), 'rarerank-rnu4-2-'));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('annotates the variant on the gene-interval model and ranks the gene under its dominant disease', async () => {
    const lines = readFileSync(path.join(example, 'example.vcf'), 'utf8').trimEnd().split('\n');
    const header = lines.filter((l) => l.startsWith('#'));
    const format = lines.find((l) => !l.startsWith('#'))!.split('\t').slice(8);
    const renu = ['chr12', '120291839', '.', 'T', 'TA', '500', 'PASS', '.', format[0], format[1].replace(/^[01][/|][01]/, '0/1')].join('\t');
    // keep the example's records except FBN1's (chr15), so that the RNU4-2 insertion is the case's only candidate cause
    const records = lines.filter((l) => !l.startsWith('#') && !l.startsWith('chr15\t'));
    const vcf = path.join(dir, 'renu.vcf');
    writeFileSync(vcf, [...header, ...[...records, renu].sort(byChromPos)].join('\n') + '\n');
    // global developmental delay, hypotonia, seizure, microcephaly
    const r = await engine.prioritize({ caseId: 'renu', observed: ['HP:0001263', 'HP:0001252', 'HP:0001250', 'HP:0000252'], excluded: [], sex: 'FEMALE', vcfs: [vcf] });
    const v = r.variants.find((x) => x.pos === 120291839)!;
    expect(v).toMatchObject({ chrom: 'chr12', gene: 'RNU4-2', consequence: 'non_coding_transcript_exon_variant' });
    // the interval gives no strand, so no transcript coordinates are claimed
    expect(v.hgvsC).toBeUndefined();
    const g = r.genes.find((x) => x.symbol === 'RNU4-2')!;
    expect(g.moi).toBe('AD');
    expect(g.rank).toBeLessThanOrEqual(10);
  }, 60_000);
});

/** Records by karyotype position. */
function byChromPos(a: string, b: string): number {
  const key = (l: string) => {
    const [c, p] = l.split('\t');
    const n = c.replace(/^chr/, '');
    return [n === 'X' ? 23 : n === 'Y' ? 24 : n === 'M' ? 25 : Number(n), Number(p)];
  };
  const [ca, pa] = key(a);
  const [cb, pb] = key(b);
  return ca - cb || pa - pb;
}
