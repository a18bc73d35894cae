import type { AnnotatedVariant } from '@rarerank/case-model';
import type { CaseContext } from './case-context';
import { cutoffFrequency } from './cutoff-frequency';
import { reportingConsequence } from './format';
import type { GeneGroup } from './gene-work';
import { HET, HOM, type InheritanceContext, type VariantFacts } from './inheritance';
import { chromKind } from './modes';

export interface GeneGroups {
  /** in order of first appearance in the VCF */
  list: GeneGroup[];
  /** gene key → index in `list` */
  byKey: Map<string, number>;
}

const NO_VARIANTS = Object.freeze([]) as unknown as AnnotatedVariant[];
const NO_FACTS: VariantFacts = { call: new Uint8Array(0), af: new Float64Array(0), score: new Float64Array(0), phased: new Uint8Array(0), partner: new Uint8Array(0), offset: 0 };

/**
 * The proband's carried variants by gene, split into those that pass QC and the highest
 * allele-frequency cut-off (only they can fit a mode) and the others (counted; kept only to be
 * listed). The facts the inheritance checks need are read here, once per variant, into typed
 * arrays laid out gene by gene.
 */
export function groupByGene(cx: CaseContext, ictx: InheritanceContext, warnings: string[]): GeneGroups {
  const { input, opts } = cx;
  const proband = input.proband;
  const maxAf = Math.max(...Object.values(opts.maxAf));
  const requirePass = opts.requirePass;
  const keepFiltered = opts.includeFilteredVariants;
  const all = input.variants;
  const n = all.length;
  // pass 1: the gene (index into `list`) and the facts of every variant that can fit a mode
  const geneOf = new Int32Array(n).fill(-1);
  const call = new Uint8Array(n);
  const af = new Float64Array(n);
  const score = new Float64Array(n);
  const phased = new Uint8Array(n);
  const partner = new Uint8Array(n);
  const recordPartner = ictx.recordPartner;
  const byKey = new Map<string, number>();
  const list: GeneGroup[] = [];
  const count: number[] = [];
  let live = 0;
  let outside = 0;
  let withProband = 0;
  // the amino-acid warning needs one variant with a known amino-acid change
  let aminoAcids = !input.pathogenicMissense;
  // consecutive variants mostly lie in one gene: skip the key lookups then
  let lastSymbol: string | undefined;
  let lastNcbi: string | undefined;
  let gi = -1;
  for (let i = 0; i < n; i++) {
    const v = all[i];
    const a = v.annotation;
    if (!aminoAcids && a.aminoAcidEffectKnown) aminoAcids = true;
    const gt = v.genotypes[proband];
    if (!gt) continue;
    withProband++;
    const z = gt.zygosity;
    if (z !== 'het' && z !== 'hom' && z !== 'hemi') continue;
    const tc = a.primary ?? reportingConsequence(v);
    if (!tc) {
      outside++;
      continue;
    }
    if (tc.geneSymbol !== lastSymbol || tc.ncbiGeneId !== lastNcbi || gi < 0) {
      lastSymbol = tc.geneSymbol;
      lastNcbi = tc.ncbiGeneId;
      const key = cx.keys.of(tc.geneSymbol, tc.ncbiGeneId);
      const known = byKey.get(key);
      if (known !== undefined) gi = known;
      else {
        const ncbiGeneId = tc.ncbiGeneId ?? input.genes.get(tc.geneSymbol)?.ncbiGeneId;
        byKey.set(key, (gi = list.length));
        list.push({ key, symbol: tc.geneSymbol, ncbiGeneId, kind: chromKind(v.chrom), variants: NO_VARIANTS, facts: NO_FACTS, filteredCount: 0, failedQc: 0, filtered: NO_VARIANTS });
        count.push(0);
      }
    }
    const g = list[gi];
    const qc = gt.passedQc && (!requirePass || v.filters.length === 0);
    const f = qc ? cutoffFrequency(a) : 0;
    if (qc && f <= maxAf) {
      geneOf[i] = gi;
      count[gi]++;
      live++;
      call[i] = z === 'het' ? HET : HOM;
      af[i] = f;
      score[i] = a.variantScore;
      phased[i] = gt.phased ? 1 : 0;
      partner[i] = !recordPartner || recordPartner(v) ? 1 : 0;
    } else {
      g.filteredCount++;
      if (!qc) g.failedQc++;
      if (keepFiltered) (g.filtered === NO_VARIANTS ? (g.filtered = []) : g.filtered).push(v);
    }
  }
  // pass 2: the variants and facts gene by gene (in VCF order within a gene), exact-sized
  const facts = { call: new Uint8Array(live), af: new Float64Array(live), score: new Float64Array(live), phased: new Uint8Array(live), partner: new Uint8Array(live) };
  const next = new Int32Array(list.length);
  let offset = 0;
  for (let gi = 0; gi < list.length; gi++) {
    const g = list[gi];
    next[gi] = offset;
    if (count[gi]) {
      g.variants = new Array(count[gi]);
      g.facts = { call: facts.call, af: facts.af, score: facts.score, phased: facts.phased, partner: facts.partner, offset };
    }
    offset += count[gi];
  }
  for (let i = 0; i < n; i++) {
    const gi = geneOf[i];
    if (gi < 0) continue;
    const k = next[gi]++;
    const g = list[gi];
    g.variants[k - g.facts.offset] = all[i];
    facts.call[k] = call[i];
    facts.af[k] = af[i];
    facts.score[k] = score[i];
    facts.phased[k] = phased[i];
    facts.partner[k] = partner[i];
  }
  if (withProband === 0) warnings.push(`no variant has a genotype for the proband "${proband}": check the sample id`);
  if (outside) warnings.push(`${outside} variant${outside === 1 ? '' : 's'} of the proband outside any gene model ${outside === 1 ? 'was' : 'were'} not ranked`);
  if (!input.pathogenicMissense) warnings.push('PS1/PM5 not assessed: no pathogenic-missense lookup given');
  else if (!aminoAcids) warnings.push('PS1/PM5 not assessed: amino-acid changes are unknown without a reference FASTA');
  return { list, byKey };
}
