/**
 * Which of our evidence fields a pre-annotation field feeds, by its name (an INFO ID, or a field
 * of VEP's CSQ / an ANNOVAR block), per dialect. Only names listed here are ever read: a field is
 * used because its header declares it and its name says what it is, never by guessing from values.
 */
export type Target = 'af' | 'homozygotes' | 'faf95' | 'revel' | 'cadd' | 'spliceAi' | 'clinvarSignificance' | 'clinvarReview';

/** Numeric targets; the ClinVar ones are text. */
export const NUMERIC_TARGETS: ReadonlySet<Target> = new Set(['af', 'homozygotes', 'faf95', 'revel', 'cadd', 'spliceAi']);

export interface NameContext {
  /** a field of VEP's CSQ: VEP's own AF (1000 Genomes) and MAX_AF are population frequencies there */
  vep?: boolean;
  /**
   * unprefixed gnomAD keys (AF, AF_grpmax, nhomalt) count only in a VCF whose header also declares
   * a key no caller writes (AF_grpmax, AF_popmax, nhomalt, ...), i.e. gnomAD's INFO copied by
   * bcftools annotate, or in an ANNOVAR block; a caller's own AF is the cohort's, not a population's
   */
  plainGnomad?: boolean;
  /** the header's description of the field (CADD: a "raw" score is not PHRED) */
  description?: string;
}

// population databases: gnomAD (any release / subset prefix), ExAC, 1000 Genomes; overall and
// group-max frequencies only (single populations would re-add the bottlenecked groups gnomAD's
// grpmax leaves out)
const DB = '(?:dbnsfp_)?(?:gnomad[a-z0-9]*|exac[a-z0-9]*|1000g[a-z0-9]*|1kg[a-z0-9]*)';
const SUBSET = '(?:(?:exomes?|genomes?|joint)[_.])?';
const AF = '(?:af|maxaf|max_af|af_popmax|af_grpmax|popmax_af|grpmax_af|af_joint|af_grpmax_joint|af_adj|all)';
const PREFIXED_AF = new RegExp(`^${DB}[_.]?${SUBSET}${AF}$`, 'i');
const PREFIXED_HOM = new RegExp(`^gnomad[a-z0-9]*[_.]?${SUBSET}(?:nhomalt|nhomalt_joint|hom|hn)$`, 'i');
const PREFIXED_FAF = new RegExp(`^gnomad[a-z0-9]*[_.]?${SUBSET}(?:faf95|faf95_max|fafmax_faf95_max|faf95_popmax)$`, 'i');
const PLAIN_AF = /^(?:af|af_popmax|af_grpmax|af_joint|af_grpmax_joint)$/i;
const PLAIN_HOM = /^(?:nhomalt|nhomalt_joint)$/i;
const PLAIN_FAF = /^(?:faf95|faf95_max|fafmax_faf95_max|faf95_popmax)$/i;
const REVEL = /^(?:dbnsfp_)?revel(?:_score)?$/i;
const CADD = /^(?:dbnsfp_)?cadd(?:_?phred|13_phred|_phred_score)?$/i;
const SPLICEAI = /^spliceai_pred_ds_(?:ag|al|dg|dl)$/i;
const CLNSIG = /^(?:clinvar_?)?(?:clnsig|clin_sig)$/i;
const CLNREVSTAT = /^(?:clinvar_?)?clnrevstat$/i;

/** INFO IDs that only a gnomAD sites VCF writes: their presence makes the plain AF a gnomAD AF. */
export const GNOMAD_MARKERS = /^(?:af_grpmax|af_popmax|nhomalt|af_joint|fafmax_faf95_max|faf95_max)$/i;

export function targetOf(name: string, ctx: NameContext = {}): Target | undefined {
  if (PREFIXED_AF.test(name)) return 'af';
  if (PREFIXED_HOM.test(name)) return 'homozygotes';
  if (PREFIXED_FAF.test(name)) return 'faf95';
  if (ctx.vep && /^(?:max_af|af)$/i.test(name)) return 'af';
  if (ctx.plainGnomad) {
    if (PLAIN_AF.test(name)) return 'af';
    if (PLAIN_HOM.test(name)) return 'homozygotes';
    if (PLAIN_FAF.test(name)) return 'faf95';
  }
  if (REVEL.test(name)) return 'revel';
  if (CADD.test(name)) return /\braw\b/i.test(ctx.description ?? '') ? undefined : 'cadd';
  if (SPLICEAI.test(name)) return 'spliceAi';
  if (CLNSIG.test(name)) return 'clinvarSignificance';
  if (CLNREVSTAT.test(name)) return 'clinvarReview';
  return undefined;
}
