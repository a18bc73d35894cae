import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError, resolveMirror } from '@rarerank/io';
import { ChainFile, isLifted } from '@rarerank/liftover';
import { VariantStore } from '@rarerank/variant-store';
import { readClinvarMacarthurVcf, readClinvarVcf, readClinvarWebExport, VariantTable, writeVariantTable, type ClinvarRecord, type ReadResult } from '@rarerank/variants-db';
import { VARIANT_SOURCES } from './build-variants';
import { buildClinvarStore, clinvarKinds } from './clinvar-store';
import { KB_FILES } from './kb-files';
import { locate } from './source-files';

const mirror = resolveMirror();
const quiet = () => undefined;
const S = VARIANT_SOURCES;
const TABLE_COLUMNS = ['significance', 'reviewStatus', 'stars', 'variationId', 'geneSymbol', 'source'];

// Reads and lifts ~200k mirror ClinVar records twice: seconds on a busy machine.
jest.setTimeout(120_000);

/** The former in-memory ClinVar table, built as the KB build did before the store (the oracle). */
async function inMemoryTable(files: string[][], chain: ChainFile, out: string): Promise<VariantTable> {
  const readers = [(f: string) => readClinvarVcf(f), (f: string) => readClinvarWebExport(f), (f: string) => readClinvarMacarthurVcf(f)];
  const all: Array<ClinvarRecord & { rank: number }> = [];
  for (const [rank, read] of readers.entries()) {
    for (const f of files[rank]) {
      const res: ReadResult<ClinvarRecord> = await read(f);
      for (const r of res.records) {
        if ((r.assembly ?? res.assembly) !== 'GRCh37') all.push({ ...r, rank });
        else {
          const l = chain.liftVariant(r);
          if (isLifted(l)) all.push({ ...r, chrom: l.chrom, pos: l.pos, ref: l.ref, alt: l.alt, assembly: 'GRCh38', rank });
        }
      }
    }
  }
  all.sort((a, b) => b.stars - a.stars || Number(a.significance === 'other') - Number(b.significance === 'other') || a.rank - b.rank);
  const columns = TABLE_COLUMNS.map((name) => ({ name, type: name === 'stars' ? ('i32' as const) : ('str' as const) }));
  writeVariantTable(out, all as never, columns, { assembly: 'GRCh38' });
  return VariantTable.load(out);
}

describe('ClinVar streamed into a variant store', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-clinvar-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const kinds = clinvarKinds(S);

  it("holds exactly the former in-memory table's records, values and winners, on every mirror ClinVar source", async () => {
    const found = kinds.map((k) => locate(mirror, k.info.candidates));
    expect(found.map((f) => f.files.length)).toEqual([2, 1, 1]);
    const chain = await ChainFile.load(path.join(mirror, 'chain', 'hg19ToHg38.over.chain.gz'));
    const entries = await buildClinvarStore(path.join(dir, 'clinvar.rrvs'), kinds, found, chain, quiet);
    expect(entries.map((e) => [e.id, e.status])).toEqual([
      ['clinvar-vcf', 'loaded'],
      ['clinvar-web-export', 'loaded'],
      ['clinvar-macarthur', 'loaded'],
    ]);
    const table = await inMemoryTable(found.map((f) => f.files), chain, path.join(dir, 'clinvar.rrvt'));
    const store = VariantStore.open(path.join(dir, 'clinvar.rrvs'));
    const fromTable = [...table.entries()];
    const fromStore = [...store.entries()];
    expect(fromStore.length).toBe(fromTable.length);
    expect(fromStore.length).toBeGreaterThan(190_000);
    const pick = (v: Record<string, unknown>) => Object.fromEntries(TABLE_COLUMNS.filter((c) => v[c] !== undefined).map((c) => [c, v[c]]));
    let differing = 0;
    fromTable.forEach((t, i) => {
      const s = fromStore[i];
      if (s.chrom !== t.chrom || s.pos !== t.pos || s.ref !== t.ref || s.alt !== t.alt || JSON.stringify(pick(s.values)) !== JSON.stringify(pick(t.values))) differing++;
    });
    expect(differing).toBe(0);
    expect(entries[0].notes.join(' ')).toMatch(/ClinVar store: \d+ distinct variants \(\d+ duplicates resolved by review stars\)/);
    store.close();
  });

  it('an unsorted official VCF fails with the file and line named and leaves no store', async () => {
    const lines = [
      '##fileformat=VCFv4.1',
      '##fileDate=2024-01-01',
      '##reference=GRCh38',
      '##INFO=<ID=CLNSIG,Number=.,Type=String,Description="x">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
      '1\t200\t1\tA\tG\t.\t.\tCLNSIG=Pathogenic',
      '1\t100\t2\tC\tT\t.\t.\tCLNSIG=Benign',
    ];
    const file = path.join(dir, 'clinvar_20240101.vcf.gz');
    writeFileSync(file, gzipSync(Buffer.from(`${lines.join('\n')}\n`)));
    const out = path.join(dir, 'bad', KB_FILES.clinvar);
    const err = await buildClinvarStore(out, kinds, [{ files: [file] }, { files: [], why: 'x' }, { files: [], why: 'x' }], undefined, quiet).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/clinvar_20240101\.vcf\.gz, line 7: unsorted source: chr1:100 after chr1:200/);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });
});
