import { SO_TERMS, type AnnotatedVariant, type SoTerm, type TranscriptConsequence, type Variant, type VariantAnnotation } from '@rarerank/case-model';
import { normalizeChrom, TranscriptIndex, type Transcript } from '@rarerank/genes';
import { answersSynchronously, DirectBases, NO_BASES, PrefetchedBases, type BaseSource } from './bases';
import { toChange, type Change } from './change';
import { inferCodonEffect, touchedCodons } from './codon-effect';
import { clinvarEvidence, frequencyEvidence, predictorEvidence, type ClinvarSource, type PredictorSource, type VariantLookup } from './evidence';
import { mergeEvidence } from './evidence-merge';
import { TableSites } from './table-sites';
import { codeForChrom } from './genetic-code';
import { hgvsC } from './hgvs-c';
import { place, type Placement } from './locate';
import { codingSequence, indelEffect, substitutionEffect } from './protein-effect';
import type { ReferenceSequence } from './reference-sequence';
import { RegionFilter, type RegionOptions } from './region-filter';
import { CLASS_SCORES, frequencyScore, isClinvarWhitelisted, missenseDefault, pathogenicityScore, spliceRegionProbabilities, variantScore, type PathogenicityOptions } from './scores';
import { shift3Prime } from './shift';
import { type ReferenceBase, stopCodonIndelProbabilities } from './stop-codon-indel';
import { TranscriptModel } from './transcript-model';

/** What the annotator reads from the KB (a `KnowledgeBase` satisfies it; tests may pass a small stand-in). */
export interface AnnotationSources {
  transcripts(): Promise<Transcript[]>;
  genes(): Promise<Array<{ symbol: string; ncbiGeneId?: string; alphaMissenseMean?: number }>>;
  /** ClinVar (a disk-backed store in a KB) */
  clinvar(): Promise<ClinvarSource | undefined>;
  /** the population frequencies (a disk-backed store in a KB) */
  variantLookup(name: 'frequency'): Promise<VariantLookup | undefined>;
}

export interface AnnotatorOptions {
  /** the genome reference (GRCh38); without it coding SNVs get only what the genetic code alone tells */
  reference?: ReferenceSequence;
  /** up/downstream window in bases (default 5000, as VEP) */
  flank?: number;
  /** variant-level predictor tables (REVEL, SpliceAI, CADD) when available */
  predictors?: PredictorSource[];
  pathogenicity?: PathogenicityOptions;
  /** which variants keepRegion lets through to annotation (default: genic, transcripts ± flank) */
  regions?: RegionOptions;
}

/** A transcript consequence with the extra facts RareRank keeps (extends the shared contract). */
export interface AnnotatedTranscriptConsequence extends TranscriptConsequence {
  maneSelect: boolean;
  /** up/downstream: bases between the variant and the transcript */
  distance?: number;
  /**
   * Without a reference, the probability of each codon-level effect of a coding substitution over
   * the codons consistent with its known bases (see codon-effect.ts); absent when the effect is certain.
   */
  effectProbabilities?: Partial<Record<SoTerm, number>>;
}

/** The mean AlphaMissense gene mean over the KB's genes: the gene of average missense sensitivity keeps the 0.6 missense default. */
function meanAlphaMissense(genes: ReadonlyArray<{ alphaMissenseMean?: number }>): number | undefined {
  let sum = 0;
  let n = 0;
  for (const g of genes) {
    if (g.alphaMissenseMean === undefined) continue;
    sum += g.alphaMissenseMean;
    n++;
  }
  return n ? sum / n : undefined;
}

const RANK = new Map<SoTerm, number>(SO_TERMS.map((t, i) => [t, i]));
const rank = (t: SoTerm) => RANK.get(t)!;
const bySeverity = (x: SoTerm, y: SoTerm) => rank(x) - rank(y);
const CODON_TERMS = new Set<SoTerm>(['missense_variant', 'synonymous_variant', 'stop_gained', 'stop_lost', 'start_lost', 'stop_retained_variant', 'protein_altering_variant', 'coding_sequence_variant']);

/** up/downstream window of the annotator and its region filter (as VEP) */
const DEFAULT_FLANK = 5000;

/**
 * The ingest pre-filter of an annotator built with these options (its keepRegion), built alone
 * from the KB: what a thread that pre-scans a VCF while the KB loads needs.
 */
export async function keepRegionFilter(kb: Pick<AnnotationSources, 'transcripts' | 'clinvar'>, opts: Pick<AnnotatorOptions, 'flank' | 'regions'> = {}): Promise<(chrom: string, pos: number) => boolean> {
  const [transcripts, clinvar] = await Promise.all([kb.transcripts(), kb.clinvar()]);
  const filter = new RegionFilter(transcripts, opts.flank ?? DEFAULT_FLANK, clinvar && TableSites.of(clinvar), opts.regions);
  return (chrom, pos) => filter.keep(normalizeChrom(chrom), pos);
}

/**
 * The annotate stage: Variant → AnnotatedVariant. Consequences on the KB's (MANE) transcripts,
 * HGVS c. (and p. with a reference), population frequency, ClinVar, predictors and the
 * Exomiser-style scores. `annotate` is synchronous; with an asynchronous reference (bgzipped
 * FASTA) call `prepare(variants)` first, or coding variants fall back to the no-reference result.
 */
export class Annotator {
  private readonly models = new Map<Transcript, TranscriptModel>();
  private readonly chroms = new Map<string, string>();
  private lastChromName: string | undefined;
  private lastChrom = '';
  private readonly cdsCache = new Map<string, string>();
  private readonly prefetched?: PrefetchedBases;
  private readonly bases: BaseSource;

  private constructor(
    private readonly index: TranscriptIndex,
    private readonly regions: RegionFilter,
    private readonly genesById: Map<string, { alphaMissenseMean?: number }>,
    private readonly frequency: VariantLookup | undefined,
    private readonly clinvar: ClinvarSource | undefined,
    /** where ClinVar has records: a lookup elsewhere is skipped */
    private readonly clinvarSites: TableSites | undefined,
    private readonly flank: number,
    private readonly predictors: PredictorSource[],
    private readonly pathOpts: PathogenicityOptions,
    private readonly reference: ReferenceSequence | undefined,
    sync: boolean,
  ) {
    if (!reference) this.bases = NO_BASES;
    else if (sync) this.bases = new DirectBases(reference);
    else this.bases = this.prefetched = new PrefetchedBases();
  }

  static async create(kb: AnnotationSources, opts: AnnotatorOptions = {}): Promise<Annotator> {
    const flank = opts.flank ?? DEFAULT_FLANK;
    const [transcripts, genes, frequency, clinvar] = await Promise.all([kb.transcripts(), kb.genes(), kb.variantLookup('frequency'), kb.clinvar()]);
    const genesById = new Map<string, { alphaMissenseMean?: number }>();
    for (const g of genes) {
      genesById.set(`sym:${g.symbol.toUpperCase()}`, g);
      if (g.ncbiGeneId) genesById.set(`ncbi:${g.ncbiGeneId}`, g);
    }
    const pathogenicity = { missenseGeneReference: meanAlphaMissense(genes), ...opts.pathogenicity };
    const clinvarSites = clinvar && TableSites.of(clinvar);
    const sync = opts.reference ? answersSynchronously(opts.reference, transcripts[0]?.chrom ?? 'chr1') : true;
    return new Annotator(new TranscriptIndex(transcripts), new RegionFilter(transcripts, flank, clinvarSites, opts.regions), genesById, frequency, clinvar, clinvarSites, flank, opts.predictors ?? [], pathogenicity, opts.reference, sync);
  }

  /** The missense default of a coding change in this gene when no variant-level predictor speaks (see scores.ts `missenseDefault`). */
  missenseDefaultFor(alphaMissenseGeneMean: number | undefined): number {
    return missenseDefault({ alphaMissenseGeneMean }, this.pathOpts);
  }

  /** True only with a reference FASTA: then missense / synonymous / stop gained and HGVS p. are computed. */
  get aminoAcidEffectKnown(): boolean {
    return this.reference !== undefined;
  }

  /** Cheap ingest pre-filter: within a transcript ± flank, or at a ClinVar site. `pos` is 1-based (VCF). */
  keepRegion(chrom: string, pos: number, refLength = 1): boolean {
    return this.regions.keep(this.chrom(chrom), pos, refLength);
  }

  annotate(v: Variant): AnnotatedVariant {
    const chrom = this.chrom(v.chrom);
    const c = toChange(chrom, v.pos, v.ref, v.alt);
    const ins = c.a === c.b;
    const hits = this.index.overlapping(chrom, (ins ? c.a - 1 : c.a) - this.flank, (ins ? c.a + 1 : c.b) + this.flank);
    const transcripts: AnnotatedTranscriptConsequence[] = [];
    let usedFallback = false;
    for (const t of hits) {
      const m = this.model(t);
      const p = place(m, c, this.flank);
      if (!p) continue;
      const tc = this.consequence(m, c, p);
      if (tc.fallback) usedFallback = true;
      transcripts.push(tc.value);
    }
    transcripts.sort((x, y) => bySeverity(x.consequences[0], y.consequences[0]) || Number(y.maneSelect) - Number(x.maneSelect) || (x.transcriptId < y.transcriptId ? -1 : 1));
    const primary = choosePrimary(transcripts);
    const mostSevere: SoTerm = transcripts.length ? transcripts[0].consequences[0] : 'intergenic_variant';

    const kbFrequency = frequencyEvidence(this.frequency, chrom, v.pos, v.ref, v.alt);
    const kbClinvar = this.clinvarSites?.mayHave(chrom, v.pos, v.ref.length) ? clinvarEvidence(this.clinvar, chrom, v.pos, v.ref, v.alt) : undefined;
    const gene = primary ? (this.genesById.get(`ncbi:${primary.ncbiGeneId}`) ?? this.genesById.get(`sym:${primary.geneSymbol.toUpperCase()}`)) : undefined;
    const coding = primary?.cdsPosition !== undefined && (c.kind === 'snv' || c.kind === 'mnv');
    const kbPredictors = predictorEvidence(this.predictors, chrom, v.pos, v.ref, v.alt, coding ? gene?.alphaMissenseMean : undefined);
    // the input VCF's own annotations (pre-annotated input) against the KB's: one rule, see evidence-merge.ts
    const { frequency, clinvar, predictors, from, conflicts } = mergeEvidence(v.inputEvidence, { frequency: kbFrequency, clinvar: kbClinvar, predictors: kbPredictors });

    const pathWith = (opts: PathogenicityOptions) => {
      let p = transcripts.length ? 0 : pathogenicityScore('intergenic_variant', predictors, undefined, opts);
      for (const tc of transcripts) {
        for (const term of tc.consequences) {
          const probs = CODON_TERMS.has(term) ? tc.effectProbabilities : term === 'splice_region_variant' ? spliceRegionProbabilities(tc) : undefined;
          p = Math.max(p, pathogenicityScore(term, predictors, probs, opts));
        }
      }
      return p;
    };
    const path = pathWith(this.pathOpts);
    const freqScore = frequencyScore(frequency?.maxAf);
    const score = variantScore(freqScore, path, clinvar);
    // what the gene's missense sensitivity changed, for the explanation: only where it moved the variant score
    const geneMean = predictors.alphaMissenseGeneMean;
    const reference = this.pathOpts.missenseGeneReference;
    let missenseByGene: VariantAnnotation['missenseByGene'];
    // scored again with the flat default only where the gene changed the default (a pathogenicity pass per coding variant otherwise)
    if (geneMean !== undefined && reference && !this.pathOpts.geneMeanForMissense && missenseDefault(predictors, this.pathOpts) !== CLASS_SCORES.missense_variant) {
      const flatScore = pathWith({ ...this.pathOpts, missenseGeneReference: 0 });
      if (variantScore(freqScore, flatScore, clinvar) !== score) missenseByGene = { geneMean, reference, flatScore };
    }
    const annotation: VariantAnnotation = {
      primary,
      transcripts,
      mostSevere,
      aminoAcidEffectKnown: this.aminoAcidEffectKnown && !usedFallback,
      frequency,
      clinvar,
      predictors,
      evidenceFrom: from,
      evidenceConflicts: conflicts.length ? conflicts : undefined,
      frequencyScore: freqScore,
      pathogenicityScore: path,
      variantScore: score,
    };
    if (missenseByGene) annotation.missenseByGene = missenseByGene;
    if (isClinvarWhitelisted(clinvar)) annotation.clinvarWhitelisted = true;
    return { ...v, annotation };
  }

  /**
   * With an asynchronous reference, fetches the bases that `annotate` will need for these
   * variants (codons, coding sequences for indels, windows for the HGVS 3' shift); replaces the
   * previous batch. A no-op without a reference or with a synchronous one.
   */
  async prepare(batch: Iterable<Variant>): Promise<void> {
    const variants = [...batch];
    this.prefetchEvidence(variants);
    if (!this.prefetched || !this.reference) return;
    const wanted: Array<[string, number, number]> = [];
    for (const v of variants) {
      const chrom = this.chrom(v.chrom);
      const c = toChange(chrom, v.pos, v.ref, v.alt);
      const ins = c.a === c.b;
      if (ins || c.kind === 'del') wanted.push([chrom, c.a - 300 - c.alt.length, c.b + 300 + c.alt.length]);
      for (const t of this.index.overlapping(chrom, ins ? c.a - 1 : c.a, ins ? c.a + 1 : c.b)) {
        const m = this.model(t);
        if (!m.coding) continue;
        if (c.kind === 'snv' || c.kind === 'mnv') {
          for (const k of touchedCodons(m, c) ?? []) for (let q = 0; q < 3; q++) {
            const g = m.genomicOfCdsOffset(k.index * 3 + q);
            wanted.push([chrom, g, g + 1]);
          }
        } else if (!this.cdsCache.has(t.id)) {
          // the whole CDS + 3' UTR, exon by exon
          for (let k = 0; k < m.exonCount; k++) {
            const s = m.plus ? Math.max(m.exStart[k], t.cdsStart!) : m.exStart[k];
            const e = m.plus ? m.exEnd[k] : Math.min(m.exEnd[k], t.cdsEnd!);
            if (e > s) wanted.push([chrom, s, e]);
          }
        }
      }
    }
    await this.prefetched.fetch(this.reference, wanted);
  }

  /**
   * Looks the batch up in the disk-backed stores (frequencies, ClinVar, predictors) in one merge pass
   * each, so `annotate` then answers from memory: no per-variant search of a genome-wide store.
   */
  private prefetchEvidence(variants: Iterable<Variant>): void {
    const lookups = [this.frequency?.prefetch && this.frequency, this.clinvar?.prefetch && this.clinvar, ...this.predictors.filter((p) => p.prefetch)];
    if (!lookups.some(Boolean)) return;
    const queries: Array<{ chrom: string; pos: number; ref: string; alt: string }> = [];
    for (const v of variants) queries.push({ chrom: this.chrom(v.chrom), pos: v.pos, ref: v.ref, alt: v.alt });
    for (const l of lookups) l?.prefetch?.(queries);
  }

  private model(t: Transcript): TranscriptModel {
    // built on first use: a case touches a fraction of the KB's transcripts
    let m = this.models.get(t);
    if (!m) this.models.set(t, (m = new TranscriptModel(t)));
    return m;
  }

  /** normalizeChrom, memoised: a VCF names few chromosomes, many times. */
  private chrom(name: string): string {
    // the ingest pre-filter asks for every line of a genome (4.5M), nearly always the last name again
    if (name === this.lastChromName) return this.lastChrom;
    let c = this.chroms.get(name);
    if (c === undefined) this.chroms.set(name, (c = normalizeChrom(name)));
    this.lastChromName = name;
    this.lastChrom = c;
    return c;
  }

  /** one reference base at a time, for the few bases a model needs; undefined without a reference */
  private referenceBase(chrom: string): ReferenceBase | undefined {
    if (!this.reference) return undefined;
    return (g) => {
      const b = this.bases.bases(chrom, g, g + 1);
      return b !== undefined && /^[ACGT]$/.test(b) ? b : undefined;
    };
  }

  private codingSequenceOf(m: TranscriptModel): string | undefined {
    let s = this.cdsCache.get(m.t.id);
    if (s === undefined) {
      s = codingSequence(m, this.bases);
      if (s !== undefined) this.cdsCache.set(m.t.id, s);
    }
    return s;
  }

  private consequence(m: TranscriptModel, c: Change, p: Placement): { value: AnnotatedTranscriptConsequence; fallback: boolean } {
    const t = m.t;
    const terms = p.terms;
    let hgvsP: string | undefined;
    let probabilities: Partial<Record<SoTerm, number>> | undefined;
    let fallback = false;
    if (p.touchesCds) {
      const code = codeForChrom(t.chrom);
      if ((c.kind === 'snv' || c.kind === 'mnv') && touchedCodons(m, c)) {
        const withRef = this.reference ? substitutionEffect(m, c, this.bases, code) : undefined;
        if (withRef) {
          for (const x of withRef.terms) terms.add(x);
          hgvsP = withRef.hgvsP;
        } else {
          fallback = this.reference !== undefined;
          const inferred = inferCodonEffect(m, c, code)!;
          terms.add(inferred.term);
          if (Object.keys(inferred.probabilities).length > 1) probabilities = inferred.probabilities;
        }
      } else if (c.kind === 'other' || !p.withinCdsExon) {
        terms.add('coding_sequence_variant');
        if (p.touchesStartCodon) terms.add('start_lost');
        if (p.touchesStopCodon) {
          terms.add('stop_lost');
          // a possible loss: with the reference a certain answer, without it the chance that the bases moved into place form a stop again
          if (c.kind !== 'other') probabilities = stopCodonIndelProbabilities(m, c, code, this.referenceBase(c.chrom));
        }
      } else {
        const diff = c.alt.length - c.ref.length;
        terms.add(diff % 3 !== 0 ? 'frameshift_variant' : diff > 0 ? 'inframe_insertion' : 'inframe_deletion');
        const cds = this.reference ? this.codingSequenceOf(m) : undefined;
        const effect = cds !== undefined ? indelEffect(m, c, cds, code) : undefined;
        if (effect) {
          for (const x of effect.terms) terms.add(x);
          hgvsP = effect.hgvsP;
        } else {
          fallback = this.reference !== undefined;
          // without the sequence a disrupted start or stop codon is a candidate loss
          if (p.touchesStartCodon) terms.add('start_lost');
          if (p.touchesStopCodon) {
            terms.add('stop_lost');
            if (diff % 3 === 0) probabilities = stopCodonIndelProbabilities(m, c, code, this.referenceBase(c.chrom));
          }
        }
      }
    }
    // a stop codon the model shows to be kept for certain is no stop loss: the effect it is takes the term's place
    const certain = probabilities && (Object.keys(probabilities) as SoTerm[]).find((k) => probabilities![k] === 1);
    if (certain && certain !== 'stop_lost') {
      terms.delete('stop_lost');
      terms.add(certain);
    }
    // as VEP: the splice site term says it all, splice_region would only repeat it
    if (terms.has('splice_donor_variant') || terms.has('splice_acceptor_variant')) terms.delete('splice_region_variant');
    if (terms.empty) terms.add(m.coding ? 'coding_sequence_variant' : 'non_coding_transcript_exon_variant');
    const consequences = terms.toArray();

    let hgvs: string | undefined;
    // a model made from a gene interval has no known strand, so no transcript coordinates
    if (!p.terms.has('transcript_ablation') && t.source !== 'gene-interval') {
      if (this.reference && (c.kind === 'ins' || c.kind === 'del')) {
        const s = shift3Prime(c, m.plus, this.bases);
        hgvs = hgvsC(m, s.change, s.dup);
      } else hgvs = hgvsC(m, c);
    }
    const value: AnnotatedTranscriptConsequence = {
      transcriptId: t.id,
      refseqId: t.refseqId,
      geneSymbol: t.geneSymbol,
      ncbiGeneId: t.ncbiGeneId,
      consequences,
      hgvsC: hgvs,
      hgvsP,
      exon: span(p.exonFirst, p.exonLast, m.exonCount),
      intron: span(p.intronFirst, p.intronLast, m.exonCount - 1),
      cdsPosition: cdsPosition(m, c),
      distanceToSplice: p.distanceToSplice,
      maneSelect: m.maneSelect,
      distance: p.distance,
      effectProbabilities: probabilities,
    };
    return { value, fallback };
  }
}

const span = (a: number | undefined, b: number | undefined, n: number) => (a === undefined ? undefined : a === b ? `${a}/${n}` : `${a}-${b}/${n}`);

/** c. number of the first changed coding base in transcript orientation (for an insertion, its 5' flank). */
function cdsPosition(m: TranscriptModel, c: Change): number | undefined {
  if (!m.coding) return undefined;
  const ends = c.a === c.b ? (m.plus ? [c.a - 1, c.a] : [c.a, c.a - 1]) : m.plus ? [c.a, c.b - 1] : [c.b - 1, c.a];
  for (const g of ends) {
    const o = m.cdsOffset(g);
    if (o >= 0) return o + 1;
  }
  return undefined;
}

/**
 * The reporting consequence: the most severely affected gene (ties: nearer for up/downstream,
 * then symbol), and within it the MANE Select transcript's consequence. `list` is sorted most
 * severe first.
 */
function choosePrimary(list: AnnotatedTranscriptConsequence[]): AnnotatedTranscriptConsequence | undefined {
  if (list.length === 0) return undefined;
  const top = rank(list[0].consequences[0]);
  let best = list[0];
  for (let i = 1; i < list.length && rank(list[i].consequences[0]) === top; i++) {
    const x = list[i];
    const d = (x.distance ?? 0) - (best.distance ?? 0);
    if (d < 0 || (d === 0 && x.geneSymbol < best.geneSymbol)) best = x;
  }
  const gene = best.ncbiGeneId ?? best.geneSymbol;
  return list.find((x) => x.maneSelect && (x.ncbiGeneId ?? x.geneSymbol) === gene) ?? best;
}
