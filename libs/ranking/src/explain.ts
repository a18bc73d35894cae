import { excludedEffects, lrText, type AcmgAssessment, type AnnotatedVariant, type DiseasePhenotypeScore, type GeneEvidence, type ModeOfInheritance } from '@rarerank/case-model';
import type { InheritanceCode } from '@rarerank/hpo';
import { clinvarSide } from './acmg-clinvar';
import { acmgSummary } from './acmg-points';
import type { DeNovoStatus } from './de-novo';
import { mainTerm, pct, round2, shortLabel, variantLabel } from './format';
import type { ModeGenotype } from './inheritance';
import { MODE_NAMES } from './modes';
import type { PairPhase } from './phase';

/**
 * "Phenotype: 5/6 observed terms match Marfan syndrome (OMIM:154700); best match Arachnodactyly (phenotype score 0.91)";
 * `unannotated`: the disease has no phenotype annotations and the score is the neutral one.
 */
export function phenotypeLine(symbol: string, score: number, disease: DiseasePhenotypeScore | undefined, diseaseId: string | undefined, observedCount: number | undefined, termName: (id: string) => string, unannotated = false): string {
  if (!disease && unannotated && diseaseId) {
    return `Phenotype: neutral — ${diseaseId}, the disease of ${symbol}, has no phenotype annotations in this HPO release, so the patient's terms count neither for nor against it (likelihood ratio 1; phenotype score ${round2(score)})`;
  }
  if (score <= 0 && !disease) return `Phenotype: no disease of ${symbol} matches the patient's terms`;
  if (!disease) return `Phenotype: score ${round2(score)} through ${diseaseId ?? 'an associated disease'}`;
  const fits = disease.matched.filter((m) => m.kind !== 'none');
  const k = fits.length;
  const count = observedCount !== undefined ? `${k}/${observedCount} observed terms match` : `${k} observed term${k === 1 ? ' matches' : 's match'}`;
  let best = fits[0];
  for (const m of fits) if (m.contribution > best.contribution) best = m;
  const bestText = best ? `; best match ${termName(best.patientTerm)}` : '';
  return `Phenotype: ${count} ${disease.name} (${disease.diseaseId})${bestText} (phenotype score ${round2(score)})`;
}

/**
 * The line for a gene whose phenotype score came from its mouse ortholog or its interaction
 * partners rather than from a human disease (GeneEvidence in @rarerank/case-model); undefined
 * when the human evidence decided it.
 */
export function indirectEvidenceLine(evidence: GeneEvidence | undefined, score: number): string | undefined {
  // the phenotype stage words the evidence of its best-scoring genes only; the others say which kind it was
  if (evidence?.kind === 'mouse') return `Phenotype from the mouse ortholog: ${evidence.mouseDetail ?? "its mutants' phenotypes resemble the patient's"} (phenotype score ${round2(score)})`;
  if (evidence?.kind === 'interactome') return `Phenotype through interaction partners: ${evidence.interactomeDetail ?? 'close in the interaction network to genes whose diseases match the patient'} (phenotype score ${round2(score)})`;
  return undefined;
}

/** The phenotype part of a gene's explanation: the match, the contradictions, and what every excluded term did. */
export function phenotypeLines(symbol: string, score: number, disease: DiseasePhenotypeScore | undefined, diseaseId: string | undefined, patient: { observed: readonly string[]; excluded: readonly string[] } | undefined, termName: (id: string) => string, unannotated = false): string[] {
  const lines = [phenotypeLine(symbol, score, disease, diseaseId, patient?.observed.length, termName, unannotated)];
  const against = contradictionLine(disease, termName);
  if (against) lines.push(against);
  lines.push(...excludedFeatureLines(disease, patient?.excluded, termName));
  return lines;
}

/** "Phenotype against: Seizures (observed in the patient; Foo syndrome excludes it, LR 0.001)" */
export function contradictionLine(disease: DiseasePhenotypeScore | undefined, termName: (id: string) => string): string | undefined {
  if (!disease?.contradicting.length) return undefined;
  const items = disease.contradicting.map((m) => `${termName(m.patientTerm)} (LR ${lrText(m.contribution)})`);
  return `Phenotype against: ${items.join(', ')} — observed in the patient, excluded in ${disease.name}`;
}

/**
 * What each of the patient's excluded terms did to the disease, one line per direction with the LR
 * of each term: "Phenotype lowered by absent features: Seizures (LR 0.35)", "Phenotype raised by
 * absent features (opt-in pertinent-negative model): …", and the excluded terms the disease does
 * not have ("no effect", LR 1).
 */
export function excludedFeatureLines(disease: DiseasePhenotypeScore | undefined, excluded: readonly string[] | undefined, termName: (id: string) => string): string[] {
  if (!disease || !excluded?.length) return [];
  const effects = excludedEffects(disease, excluded);
  const list = (ms: ReadonlyArray<{ term: string; lr: number }>) => ms.map((m) => `${termName(m.term)} (LR ${lrText(m.lr)})`).join(', ');
  const lines: string[] = [];
  if (effects.lowered.length) lines.push(`Phenotype lowered by absent features: ${list(effects.lowered)} — the patient lacks features ${disease.name} has`);
  if (effects.raised.length) lines.push(`Phenotype raised by absent features (opt-in pertinent-negative model): ${list(effects.raised)} — features of ${disease.name} the patient lacks`);
  if (effects.unchanged.length) lines.push(`Absent features with no effect on ${disease.name}: ${effects.unchanged.map((t) => termName(t)).join(', ')} (LR 1)`);
  return lines;
}


const ZYGOSITY: Record<string, string> = {
  heterozygous: 'heterozygous',
  homozygous: 'homozygous',
  hemizygous: 'hemizygous',
  heteroplasmic: 'heteroplasmic',
  homoplasmic: 'homoplasmic',
};

const DE_NOVO_TEXT: Record<DeNovoStatus, string | undefined> = {
  confirmed: 'de novo (both parents homozygous reference)',
  assumed: 'apparently de novo (a parental call fails QC)',
  inherited: 'inherited',
  'not-assessable': undefined,
};

const PREDICTOR_NAMES = { revel: 'REVEL', spliceAi: 'SpliceAI', cadd: 'CADD' } as const;

/** "missense variant, absent from the population databases, ClinVar pathogenic (2★), de novo (…)" */
export function variantFacts(v: AnnotatedVariant, deNovo: DeNovoStatus): string {
  const a = v.annotation;
  const facts = [mainTerm(v).replace(/_/g, ' ')];
  if (!a.frequency || a.frequency.maxAf <= 0) facts.push('absent from the population databases');
  else facts.push(`allele frequency ${pct(a.frequency.maxAf)} in ${a.frequency.source}${a.frequency.homozygotes ? `, ${a.frequency.homozygotes} homozygotes` : ''}`);
  if (a.clinvar) {
    const side = clinvarSide(a.clinvar.significance);
    const text = side === 'conflicting' ? 'conflicting classifications' : a.clinvar.significance.replace(/_/g, ' ');
    facts.push(`ClinVar ${text} (${a.clinvar.stars}★${a.evidenceFrom?.clinvar === 'input' ? ', from the input VCF' : ''})`);
  }
  const mg = a.missenseByGene;
  if (mg) {
    const side = mg.geneMean > mg.reference ? 'more' : 'less';
    facts.push(`pathogenicity ${round2(a.pathogenicityScore)} (${round2(mg.flatScore)} in an average gene): AlphaMissense rates missense changes in this gene ${side} damaging than average (gene mean ${round2(mg.geneMean)}, all genes ${round2(mg.reference)})`);
  }
  const fromInput = (['revel', 'spliceAi', 'cadd'] as const).filter((p) => a.evidenceFrom?.[p] === 'input');
  if (fromInput.length) facts.push(`${fromInput.map((p) => PREDICTOR_NAMES[p]).join(', ')} from the input VCF`);
  for (const c of a.evidenceConflicts ?? []) facts.push(`input VCF and KB disagree on ${c}`);
  const dn = DE_NOVO_TEXT[deNovo];
  if (dn) facts.push(dn);
  return facts.join(', ');
}

const PHASE_TEXT: Record<PairPhase, string> = {
  'trans-phased': 'in trans (phased genotypes)',
  'trans-parents': 'in trans (one from each parent)',
  unknown: 'phase unknown',
  cis: 'in cis',
};

export function genotypeLines(symbol: string, call: ModeGenotype, variants: readonly AnnotatedVariant[], deNovo: readonly DeNovoStatus[]): string[] {
  if (call.kind === 'compound heterozygous') {
    const [a, b] = call.variants;
    return [
      `Genotype: compound heterozygous ${symbol}, ${PHASE_TEXT[call.phase ?? 'unknown']}:`,
      `  ${variantLabel(variants[a])} — ${variantFacts(variants[a], deNovo[a])}`,
      `  ${variantLabel(variants[b])} — ${variantFacts(variants[b], deNovo[b])}`,
    ];
  }
  const i = call.variants[0];
  return [`Genotype: ${ZYGOSITY[call.kind]} ${symbol} ${variantLabel(variants[i])}, ${variantFacts(variants[i], deNovo[i])}`];
}

/** "Mode: autosomal dominant (Marfan syndrome is AD)" */
export function modeLine(mode: ModeOfInheritance, knownModes: readonly ModeOfInheritance[], disease: { name: string; codes: readonly InheritanceCode[]; modes: readonly ModeOfInheritance[] } | undefined): string {
  const name = MODE_NAMES[mode];
  if (disease && disease.modes.includes(mode)) return `Mode: ${name} (${disease.name} is ${codeText(disease.codes)})`;
  if (knownModes.length) return `Mode: ${name} (the gene's diseases are ${knownModes.join(', ')})`;
  return `Mode: ${name} (no inheritance is known for the gene's diseases; the best-fitting genotype)`;
}

/** "Mode: autosomal recessive, against the annotated inheritance (the diseases of FOO are AD; no genotype fits AD)" */
export function fallbackModeLine(mode: ModeOfInheritance, symbol: string, knownModes: readonly ModeOfInheritance[]): string {
  const known = knownModes.join(', ');
  return `Mode: ${MODE_NAMES[mode]}, against the annotated inheritance (the diseases of ${symbol} are ${known}; no genotype fits ${known})`;
}

const codeText = (codes: readonly InheritanceCode[]): string => codes.filter((c) => c !== 'OTHER').join('/');
const weightText = (raw: number, used: number): string => (Math.abs(used - raw / 2) < 1e-9 ? 'phenotype score halved' : `phenotype score ×${Number((used / raw).toPrecision(2))}`);

export function acmgLines(call: ModeGenotype, variants: readonly AnnotatedVariant[], acmg: readonly AcmgAssessment[]): string[] {
  if (call.variants.length === 1) return [`ACMG: ${acmgSummary(acmg[call.variants[0]])}`];
  return call.variants.map((i) => `ACMG ${shortLabel(variants[i])}: ${acmgSummary(acmg[i])}`);
}

/** "Phenotype down-weighted: Foo syndrome (OMIM:1) is AR, the genotype fits autosomal dominant (0.90 → 0.45)" */
export function downWeightLine(diseaseName: string, codes: readonly InheritanceCode[], mode: ModeOfInheritance, raw: number, used: number): string {
  return `Phenotype down-weighted: ${diseaseName} is ${codeText(codes)}, the genotype fits ${MODE_NAMES[mode]} (${round2(raw)} → ${round2(used)})`;
}

/** "Phenotype down-weighted: Foo syndrome (OMIM:1) is annotated AD; the genotype fits autosomal recessive only: phenotype score halved (1.00 → 0.50)" */
export function fallbackDownWeightLine(diseaseName: string, codes: readonly InheritanceCode[], mode: ModeOfInheritance, raw: number, used: number): string {
  return `Phenotype down-weighted: ${diseaseName} is annotated ${codeText(codes)}; the genotype fits ${MODE_NAMES[mode]} only: ${weightText(raw, used)} (${round2(raw)} → ${round2(used)})`;
}

export function scoreLine(score: number, phenotype: number, variant: number, acmgPosterior: number): string {
  return `Score: ${round2(score)} (phenotype ${round2(phenotype)}, variant ${round2(variant)}, ACMG posterior ${round2(acmgPosterior)})`;
}

/** Why a gene with variants has no qualifying genotype. */
export function noGenotypeLine(symbol: string, modes: readonly ModeOfInheritance[], count: number, failedQc: number): string {
  const modeText = modes.length ? modes.map((m) => MODE_NAMES[m]).join(' or ') : 'any mode of inheritance the engine scores';
  const qc = failedQc ? ` (${failedQc} fail QC)` : '';
  return `Genotype: ${count} variant${count === 1 ? '' : 's'} in ${symbol}${qc}, none fits ${modeText} after the QC and allele-frequency filters`;
}
