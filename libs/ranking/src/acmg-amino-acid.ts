import type { AcmgEvidence, AnnotatedVariant } from '@rarerank/case-model';
import { mainTerm, reportingConsequence } from './format';

/** A ClinVar pathogenic missense change, as the pathogenic-missense table has it. */
export interface PathogenicMissenseHit {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  refAA: string;
  altAA: string;
  proteinChange?: string;
  variationId?: string;
}

/**
 * Pathogenic missense changes at the codon a variant changes. The engine implements it from the
 * transcript model (codon → genomic positions) and the KB's pathogenic-missense table.
 */
export type PathogenicMissenseLookup = (v: AnnotatedVariant) => PathogenicMissenseHit[];

const THREE: Record<string, string> = {
  Ala: 'A', Arg: 'R', Asn: 'N', Asp: 'D', Cys: 'C', Gln: 'Q', Glu: 'E', Gly: 'G', His: 'H', Ile: 'I',
  Leu: 'L', Lys: 'K', Met: 'M', Phe: 'F', Pro: 'P', Ser: 'S', Thr: 'T', Trp: 'W', Tyr: 'Y', Val: 'V', Ter: '*', Sec: 'U',
};

/** "NP_1.1:p.(Arg123Cys)", "p.Arg123Cys", "p.R123C" → { refAA: 'R', position: 123, altAA: 'C' } */
export function parseMissense(hgvsP: string | undefined): { refAA: string; position: number; altAA: string } | undefined {
  const m = hgvsP && /p\.\(?([A-Z][a-z]{2}|[A-Z])(\d+)([A-Z][a-z]{2}|[A-Z*])\)?$/.exec(hgvsP);
  if (!m) return undefined;
  const one = (aa: string) => (aa.length === 3 ? THREE[aa] : aa);
  const refAA = one(m[1]);
  const altAA = one(m[3]);
  return refAA && altAA ? { refAA, position: Number(m[2]), altAA } : undefined;
}

/**
 * PS1 (same amino-acid change as a ClinVar pathogenic variant, different nucleotide change) or
 * PM5 (another pathogenic missense change at the same residue). Needs the variant's amino-acid
 * change, i.e. a reference FASTA in the annotation; an identical nucleotide change is ClinVar's
 * own evidence (PP5), not PS1.
 */
export function aminoAcidCriteria(v: AnnotatedVariant, hits: readonly PathogenicMissenseHit[]): AcmgEvidence[] {
  if (mainTerm(v) !== 'missense_variant' || !v.annotation.aminoAcidEffectKnown) return [];
  const aa = parseMissense(reportingConsequence(v)?.hgvsP);
  if (!aa) return [];
  const others = hits.filter((h) => !(h.pos === v.pos && h.ref === v.ref && h.alt === v.alt) && h.refAA === aa.refAA);
  const name = (h: PathogenicMissenseHit) => `${h.proteinChange ?? `${h.refAA}${aa.position}${h.altAA}`}${h.variationId ? ` (VariationID ${h.variationId})` : ''}`;
  const same = others.find((h) => h.altAA === aa.altAA);
  if (same) return [{ criterion: 'PS1', strength: 'strong', reason: `same amino-acid change as the ClinVar pathogenic variant ${name(same)}, by a different nucleotide change` }];
  const diff = others.find((h) => h.altAA !== aa.altAA);
  if (diff) return [{ criterion: 'PM5', strength: 'moderate', reason: `another pathogenic missense change at residue ${aa.refAA}${aa.position}: ${name(diff)}` }];
  return [];
}
