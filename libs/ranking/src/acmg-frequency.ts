import type { AcmgEvidence, AnnotatedVariant, ModeOfInheritance } from '@rarerank/case-model';
import { pct, pctThreshold } from './format';
import type { AcmgOptions } from './rank-options';

/**
 * BA1, BS1 and PM2_Supporting from population frequency. BA1/BS1 use the annotation's benignAf:
 * the filtering allele frequency (faf95) where a source gives it, as ClinGen recommends, else the
 * highest AF, and only from sources with at least 2,000 alleles at the site (none from a small
 * in-house cohort).
 * Without a mode (no compatible genotype) the thresholds of the gene's considered modes are
 * used conservatively: the lowest PM2 threshold and the highest BS1 threshold.
 */
export function frequencyCriteria(v: AnnotatedVariant, modes: readonly ModeOfInheritance[], o: AcmgOptions): AcmgEvidence[] {
  const f = v.annotation.frequency;
  const out: AcmgEvidence[] = [];
  const ms = modes.length ? modes : (['AD', 'AR'] as ModeOfInheritance[]);
  let pm2 = Infinity;
  let bs1 = -Infinity;
  for (const m of ms) {
    pm2 = Math.min(pm2, o.pm2MaxAf[m]);
    bs1 = Math.max(bs1, o.bs1MinAf[m]);
  }
  const modeText = ms.length === 1 ? ms[0] : ms.join('/');
  if (!f || f.maxAf <= 0) {
    out.push({ criterion: 'PM2', strength: 'supporting', reason: 'absent from the population databases' });
    return out;
  }
  const benignAf = f.benignAf ?? 0;
  const benignWhat = f.benignAfIsFaf95 ? 'filtering allele frequency (faf95)' : 'allele frequency';
  if (benignAf > o.ba1MinAf) {
    out.push({ criterion: 'BA1', strength: 'stand_alone', reason: `${benignWhat} ${pct(benignAf)} in ${f.source} is above ${pctThreshold(o.ba1MinAf)}` });
  } else if (benignAf > bs1) {
    out.push({ criterion: 'BS1', strength: 'strong', reason: `${benignWhat} ${pct(benignAf)} in ${f.source} is above ${pctThreshold(bs1)}, more than expected for a ${modeText} disorder` });
  }
  if (f.maxAf < pm2) {
    out.push({ criterion: 'PM2', strength: 'supporting', reason: `allele frequency ${pct(f.maxAf)} in ${f.source} is below ${pctThreshold(pm2)} (${modeText})` });
  }
  return out;
}
