import type { AcmgAssessment, AcmgEvidence, AnnotatedVariant, ModeOfInheritance } from '@rarerank/case-model';
import type { GeneRecord } from '@rarerank/kb';
import { aminoAcidCriteria, type PathogenicMissenseHit } from './acmg-amino-acid';
import { clinvarCriteria } from './acmg-clinvar';
import { frequencyCriteria } from './acmg-frequency';
import { pm4, pvs1 } from './acmg-null-variant';
import { acmgAssessment } from './acmg-points';
import { predictorCriteria } from './acmg-predictors';
import type { DeNovoStatus } from './de-novo';
import { round2, shortLabel } from './format';
import { isTrans, type PairPhase } from './phase';
import type { AcmgOptions } from './rank-options';

export interface AcmgContext {
  /** the gene's best mode, or when it has none the modes considered for the gene */
  modes: readonly ModeOfInheritance[];
  /** modes the gene's diseases are known for ([] when unknown) */
  knownModes: readonly ModeOfInheritance[];
  gene?: GeneRecord;
  deNovo: DeNovoStatus;
  /** the proband's call of this variant passes QC */
  passedQc: boolean;
  /** a compound heterozygous partner under a recessive mode that ClinVar calls pathogenic (PM3) */
  pathogenicPartner?: { variant: AnnotatedVariant; phase: PairPhase };
  /** the gene's phenotype score under this mode, and the disease behind it (PP4) */
  phenotypeScore: number;
  phenotypeDisease?: string;
  /** pathogenic missense changes at this codon; undefined when not assessable (PS1/PM5) */
  pathogenicMissense?: readonly PathogenicMissenseHit[];
  options: AcmgOptions;
}

/** The automatic ACMG/AMP criteria for one variant in the context of its gene (see README for each rule). */
export function assessAcmg(v: AnnotatedVariant, ctx: AcmgContext): AcmgAssessment {
  const o = ctx.options;
  const frequency = frequencyCriteria(v, ctx.modes, o);
  // BA1 is stand-alone benign: nothing else can change the class, and most exome variants are common
  if (frequency.length && frequency[0].criterion === 'BA1') return acmgAssessment(frequency);
  const out: AcmgEvidence[] = [];
  const null1 = pvs1(v, ctx.gene, ctx.knownModes, o);
  if (null1) out.push(null1);
  else {
    const length = pm4(v);
    if (length) out.push(length);
    out.push(...predictorCriteria(v, o));
  }
  if (ctx.pathogenicMissense) out.push(...aminoAcidCriteria(v, ctx.pathogenicMissense));
  if (ctx.passedQc && ctx.deNovo === 'confirmed') {
    out.push({ criterion: 'PS2', strength: 'strong', reason: 'de novo: both parents are genotyped homozygous reference with good call quality (parentage assumed from the trio)' });
  } else if (ctx.passedQc && ctx.deNovo === 'assumed') {
    out.push({ criterion: 'PM6', strength: 'moderate', reason: 'assumed de novo: the parents are called homozygous reference, but a parental call fails QC' });
  }
  const partner = ctx.pathogenicPartner;
  if (partner) {
    const trans = isTrans(partner.phase);
    const how = partner.phase === 'trans-phased' ? 'in trans (phased genotypes)' : partner.phase === 'trans-parents' ? 'in trans (one from each parent)' : 'phase unknown';
    const sig = partner.variant.annotation.clinvar?.significance.replace(/_/g, ' ').toLowerCase() ?? 'pathogenic';
    out.push({ criterion: 'PM3', strength: trans ? 'moderate' : 'supporting', reason: `with the ClinVar ${sig} variant ${shortLabel(partner.variant)} in a recessive gene, ${how}` });
  }
  out.push(...frequency);
  if (ctx.phenotypeScore >= o.pp4MinPhenotypeScore) {
    out.push({ criterion: 'PP4', strength: 'supporting', reason: `the patient's phenotype fits ${ctx.phenotypeDisease ?? "the gene's disease"} closely (phenotype score ${round2(ctx.phenotypeScore)} ≥ ${o.pp4MinPhenotypeScore})` });
  }
  out.push(...clinvarCriteria(v.annotation.clinvar, o));
  return acmgAssessment(out);
}
