import type { SampleGenotype, Variant } from '@rarerank/case-model';
import { carries, sampleCall } from './genotype';
import type { Family } from './family';

/** How two heterozygous variants of the proband lie: on one haplotype (cis), on both (trans), or not known. */
export type PairPhase = 'cis' | 'trans-phased' | 'trans-parents' | 'unknown';

const altHaplotype = (g: SampleGenotype): number => (g.alleles.length === 2 ? g.alleles.indexOf(1) : -1);

/**
 * Phase of two proband heterozygous variants: first from phased genotypes in one phase set
 * (a phased GT without PS counts as one set per sample, as VCF defines), then from the parents —
 * one variant from each parent is trans, both from one parent (the other carrying neither) is cis.
 * A variant neither parent carries (de novo, or a missed call) leaves the phase unknown.
 */
export function pairPhase(a: Variant, b: Variant, family: Family): PairPhase {
  const ga = a.genotypes[family.proband];
  const gb = b.genotypes[family.proband];
  if (ga?.phased && gb?.phased && (ga.phaseSet ?? '') === (gb.phaseSet ?? '')) {
    const ha = altHaplotype(ga);
    const hb = altHaplotype(gb);
    if (ha >= 0 && hb >= 0) return ha === hb ? 'cis' : 'trans-phased';
  }
  if (!family.father || !family.mother) return 'unknown';
  const calls = [sampleCall(a, family.father), sampleCall(b, family.father), sampleCall(a, family.mother), sampleCall(b, family.mother)];
  if (calls.includes('unknown')) return 'unknown';
  const [fa, fb, ma, mb] = calls.map(carries);
  if ((fa && !fb && mb && !ma) || (fb && !fa && ma && !mb)) return 'trans-parents';
  if ((fa && fb && !ma && !mb) || (ma && mb && !fa && !fb)) return 'cis';
  return 'unknown';
}

export const isTrans = (p: PairPhase): boolean => p === 'trans-phased' || p === 'trans-parents';
