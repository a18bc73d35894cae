import { lowerBound } from '@rarerank/io';
import { ucscChrom } from '@rarerank/variants-db';

/** A source of variant sites: a variant table or store, read once in full. */
export interface SiteSource {
  entries(): Iterable<{ chrom: string; pos: number; ref: string }>;
}

/**
 * Where a variant table has records: per chromosome, the sorted positions (minimal-allele form, as
 * the table keys them) and REF lengths, read in one pass over the table. Feeds the region filter
 * (ClinVar sites are kept) and lets the annotator skip a lookup where the table cannot answer:
 * most variants of a genome lie at no ClinVar position, and a table lookup (allele
 * normalisation, key string, binary search) costs more than this test.
 */
export class TableSites {
  private lastName = '';
  private last: { pos: Int32Array; refLength: Int32Array } | undefined;

  private constructor(private readonly byChrom: Map<string, { pos: Int32Array; refLength: Int32Array }>) {}

  static of(table: SiteSource): TableSites {
    const lists = new Map<string, { pos: number[]; refLength: number[] }>();
    for (const e of table.entries()) {
      let l = lists.get(e.chrom);
      if (!l) lists.set(e.chrom, (l = { pos: [], refLength: [] }));
      l.pos.push(e.pos);
      l.refLength.push(e.ref.length);
    }
    const byChrom = new Map<string, { pos: Int32Array; refLength: Int32Array }>();
    for (const [chrom, l] of lists) {
      const order = l.pos.map((_, i) => i).sort((a, b) => l.pos[a] - l.pos[b]); // the table's order already; sort to be sure
      byChrom.set(chrom, { pos: Int32Array.from(order, (i) => l.pos[i]), refLength: Int32Array.from(order, (i) => l.refLength[i]) });
    }
    return new TableSites(byChrom);
  }

  /** Every site as (chromosome, minimal-allele position, REF length). */
  forEach(f: (chrom: string, pos: number, refLength: number) => void): void {
    for (const [chrom, { pos, refLength }] of this.byChrom) for (let i = 0; i < pos.length; i++) f(chrom, pos[i], refLength[i]);
  }

  /**
   * False when the table can have no record for the VCF-style variant (chrom, pos, ref, *): its
   * minimal-allele position lies in [pos, pos + ref.length] (trimming a common prefix advances POS
   * by at most the shorter allele), and the table holds no position there. Chromosome names go
   * through the table's own naming (ucscChrom).
   */
  mayHave(chrom: string, pos: number, refLength: number): boolean {
    if (chrom !== this.lastName) {
      const c = ucscChrom(chrom);
      this.lastName = chrom;
      this.last = c === undefined ? undefined : this.byChrom.get(c);
    }
    const sites = this.last;
    if (!sites) return false;
    const p = sites.pos;
    const lo = lowerBound(p, pos);
    return lo < p.length && p[lo] <= pos + refLength;
  }
}
