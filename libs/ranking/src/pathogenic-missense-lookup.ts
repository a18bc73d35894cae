import type { AnnotatedVariant } from '@rarerank/case-model';
import type { Transcript } from '@rarerank/genes';
import type { PathogenicMissenseHit, PathogenicMissenseLookup } from './acmg-amino-acid';
import { codonPositions } from './codon';
import { reportingConsequence } from './format';

/** What the lookup needs of the KB's pathogenic-missense VariantTable (columns refAA, altAA, proteinChange, variationId). */
export interface PathogenicMissenseTable {
  get(chrom: string, pos: number, ref: string, alt: string): Record<string, number | string | undefined> | undefined;
}

const BASES = ['A', 'C', 'G', 'T'];

/**
 * PS1/PM5's codon lookup over the KB table: maps the variant's codon (from its c. position on the
 * reporting transcript) to its three genomic positions and asks the table for every SNV there
 * (the reference base is not needed: all four are tried).
 */
export function codonPathogenicMissense(table: PathogenicMissenseTable, transcript: (transcriptId: string) => Transcript | undefined): PathogenicMissenseLookup {
  return (v: AnnotatedVariant): PathogenicMissenseHit[] => {
    const tc = reportingConsequence(v);
    const t = tc && transcript(tc.transcriptId);
    if (!t || tc.cdsPosition === undefined) return [];
    const positions = codonPositions(t, tc.cdsPosition);
    if (!positions) return [];
    const hits: PathogenicMissenseHit[] = [];
    for (const pos of positions) {
      for (const ref of BASES) {
        for (const alt of BASES) {
          if (alt === ref) continue;
          const r = table.get(t.chrom, pos, ref, alt);
          if (!r || typeof r.refAA !== 'string' || typeof r.altAA !== 'string') continue;
          hits.push({ chrom: t.chrom, pos, ref, alt, refAA: r.refAA, altAA: r.altAA, proteinChange: r.proteinChange as string | undefined, variationId: r.variationId as string | undefined });
        }
      }
    }
    return hits;
  };
}
