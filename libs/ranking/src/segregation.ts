import type { ModeOfInheritance, Variant } from '@rarerank/case-model';
import { carries, sampleCall } from './genotype';
import { isParent, type Family } from './family';

/**
 * Whether the relatives' calls at one variant fit the mode, for a single-variant genotype
 * (heterozygous dominant, homozygous/hemizygous recessive, mitochondrial). Relatives without a
 * call are not evidence either way. The rules are Jannovar's/Exomiser's (full penetrance):
 * - AD: affected relatives heterozygous; unaffected relatives not carriers.
 * - XD: affected relatives carriers; unaffected relatives not carriers.
 * - AR: affected relatives homozygous; unaffected relatives not homozygous; unaffected parents carriers.
 * - XR: affected males carriers, affected females homozygous; unaffected males not carriers,
 *   unaffected females not homozygous.
 * - MT: affected relatives carriers; unaffected relatives not homoplasmic (heteroplasmy varies).
 */
export function segregatesSingle(v: Variant, mode: ModeOfInheritance, family: Family): boolean {
  for (const r of family.relatives) {
    const c = sampleCall(v, r.id);
    if (c === 'unknown') continue;
    switch (mode) {
      case 'AD':
        if (r.affected ? c !== 'het' : c !== 'ref') return false;
        break;
      case 'XD':
        if (r.affected ? c === 'ref' : c !== 'ref') return false;
        break;
      case 'MT':
        if (r.affected ? c === 'ref' : c === 'hom') return false;
        break;
      case 'AR':
        if (r.affected ? c !== 'hom' : c === 'hom') return false;
        if (!r.affected && c === 'ref' && isParent(family, r.id)) return false;
        break;
      case 'XR':
        if (r.sex === 'MALE') {
          if (r.affected ? c === 'ref' : c !== 'ref') return false;
        } else if (r.sex === 'FEMALE') {
          if (r.affected ? c !== 'hom' : c === 'hom') return false;
        } else if (r.affected ? c === 'ref' : c === 'hom') return false;
        break;
    }
  }
  return true;
}

/**
 * Whether the relatives' calls fit a compound heterozygous pair (AR, or XR in a female):
 * affected relatives carry both (affected males on X: either); unaffected relatives are not
 * homozygous at either and do not carry both (unaffected males on X carry neither).
 */
export function segregatesPair(a: Variant, b: Variant, mode: 'AR' | 'XR', family: Family): boolean {
  for (const r of family.relatives) {
    const ca = sampleCall(a, r.id);
    const cb = sampleCall(b, r.id);
    const hemizygous = mode === 'XR' && r.sex === 'MALE';
    if (r.affected) {
      if (hemizygous ? ca === 'ref' && cb === 'ref' : ca === 'ref' || cb === 'ref') return false;
    } else {
      if (ca === 'hom' || cb === 'hom') return false;
      if (carries(ca) && carries(cb)) return false;
      if (hemizygous && (carries(ca) || carries(cb))) return false;
    }
  }
  return true;
}
