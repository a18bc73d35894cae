import { openTestKb } from '@rarerank/kb';
import { TableSites } from './table-sites';

describe('TableSites on the test KB ClinVar store', () => {
  let table: NonNullable<Awaited<ReturnType<Awaited<ReturnType<typeof openTestKb>>['clinvar']>>>;
  let sites: TableSites;
  beforeAll(async () => {
    table = (await (await openTestKb()).clinvar())!;
    sites = TableSites.of(table);
  }, 60_000);

  it('never rules out a record the table has, in VCF spellings of it (anchor base, shared suffix; every 20th record)', () => {
    let n = 0;
    let total = 0;
    for (const e of [...table.entries()].filter((_, i) => i % 20 === 0)) {
      // the table keeps minimal alleles; a VCF writes an anchor base before an indel, and may pad both alleles
      const spellings: Array<[number, string, string]> = [
        [e.pos - 1, `G${e.ref}`, `G${e.alt}`],
        [e.pos, `${e.ref}T`, `${e.alt}T`],
      ];
      if (e.ref && e.alt) spellings.push([e.pos, e.ref, e.alt]);
      for (const [pos, ref, alt] of spellings) {
        // in a repeat the padded spelling can denote a shifted variant: then it is not this record
        if (!table.get(e.chrom, pos, ref, alt)) continue;
        expect(sites.mayHave(e.chrom, pos, ref.length)).toBe(true);
        expect(sites.mayHave(e.chrom.slice(3), pos, ref.length)).toBe(true); // Ensembl chromosome names
        n++;
      }
      total++;
    }
    expect(n).toBeGreaterThan(total * 1.9);
  });

  it('answers false only where the table has nothing, and does so for most positions', () => {
    let ruledOut = 0;
    const some = [...table.entries()].filter((_, i) => i % 400 === 0);
    for (const e of some) {
      for (let d = -30; d <= 30; d += 3) {
        for (const [ref, alt] of [['A', 'C'], ['AC', 'A'], ['A', 'AT'], ['ACGTA', 'A']]) {
          if (!sites.mayHave(e.chrom, e.pos + d, ref.length)) {
            ruledOut++;
            expect(table.get(e.chrom, e.pos + d, ref, alt)).toBeUndefined();
          }
        }
      }
    }
    expect(ruledOut).toBeGreaterThan(some.length * 40);
    expect(sites.mayHave('chrUn_KI270302v1', 100, 1)).toBe(false);
  });
});
