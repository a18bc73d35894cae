import type { AcmgEvidence, AcmgStrength, ClinvarEvidence } from '@rarerank/case-model';
import type { AcmgOptions } from './rank-options';

export type ClinvarSide = 'pathogenic' | 'benign' | 'uncertain' | 'conflicting' | 'other';

const sides = new Map<string, ClinvarSide>();

/**
 * ClinVar significance in any spelling RareRank meets ('pathogenic_likely_pathogenic',
 * 'Pathogenic/Likely_pathogenic', 'Benign; risk factor', 'conflicting') → one side.
 */
export function clinvarSide(significance: string): ClinvarSide {
  let side = sides.get(significance);
  if (side === undefined) {
    side = sideOf(significance);
    // a release has a few dozen distinct spellings
    if (sides.size < 1024) sides.set(significance, side);
  }
  return side;
}

function sideOf(significance: string): ClinvarSide {
  const s = significance.toLowerCase().replace(/_/g, ' ');
  if (s.includes('conflict')) return 'conflicting';
  const p = /pathogenic/.test(s);
  const b = /benign/.test(s);
  if (p && b) return 'conflicting';
  if (p) return 'pathogenic';
  if (b) return 'benign';
  return /uncertain/.test(s) ? 'uncertain' : 'other';
}

export const isClinvarPathogenic = (c: ClinvarEvidence | undefined, minStars: number): boolean =>
  !!c && c.stars >= minStars && clinvarSide(c.significance) === 'pathogenic';

/** 1★ supporting, 2★ moderate, ≥ 3★ (expert panel, practice guideline) strong. */
export function starStrength(stars: number): AcmgStrength {
  return stars >= 3 ? 'strong' : stars === 2 ? 'moderate' : 'supporting';
}

export const starText = (c: ClinvarEvidence): string => `${c.stars}★${c.reviewStatus && c.reviewStatus !== 'unknown' ? `, ${c.reviewStatus}` : ''}`;

/**
 * PP5 / BP6 (reputable source): ClinVar pathogenic or benign side with at least the minimum
 * review stars; strength grows with the stars. ClinGen SVI retired these criteria for curators
 * with access to the evidence; an automatic ranker has no such access, so they are kept.
 */
export function clinvarCriteria(c: ClinvarEvidence | undefined, o: AcmgOptions): AcmgEvidence[] {
  if (!c || c.stars < o.clinvarMinStars) return [];
  const side = clinvarSide(c.significance);
  const id = c.variationId ? `, VariationID ${c.variationId}` : '';
  const text = c.significance.replace(/_/g, ' ');
  if (side === 'pathogenic') return [{ criterion: 'PP5', strength: starStrength(c.stars), reason: `ClinVar ${text} (${starText(c)}${id})` }];
  if (side === 'benign') return [{ criterion: 'BP6', strength: starStrength(c.stars), reason: `ClinVar ${text} (${starText(c)}${id})` }];
  return [];
}
