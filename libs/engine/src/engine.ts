import { statSync } from 'node:fs';
import path from 'node:path';
import { Annotator, DEFAULT_REGIONS, loadReference, NO_REFERENCE_WARNING, tablePredictor, type RegionOptions } from '@rarerank/annotation';
import type { AnnotatedVariant, PatientPhenotype, Pedigree, QcOptions, Variant } from '@rarerank/case-model';
import { InputError } from '@rarerank/io';
import { KnowledgeBase, kbVersion, manifestSummary, type PhenotypeKb } from '@rarerank/kb';
import { ChainFile } from '@rarerank/liftover';
import { GeneEvidenceScorer, type GeneEvidenceOptions } from '@rarerank/gene-evidence';
import { PhenotypeScorer, type ExcludedTermsModel, type PhenotypeScorerOptions } from '@rarerank/phenotype';
import { codonPathogenicMissense, geneRecordMap, phenotypeKbLookups, rankCase, type PathogenicMissenseLookup, type PhenotypeKbLookups, type RankOptionsInput, type RankOutput } from '@rarerank/ranking';
import type { CaseResult } from '@rarerank/report';
import { ingestVcfs, pedigreeFor, readPed } from '@rarerank/vcf';
import type { CaseInput } from './case-input';
import { startPrescan, type Prescan } from './prescan';
import { rankingCandidates } from './ranking-candidates';
import type { AnnotatedCase, IngestedCase, PhenotypeInput, ScoredPhenotype } from './stage-types';
import { toCaseResult, type ResultLimits, DEFAULT_LIMITS } from './to-case-result';

export interface EngineOptions {
  kbDir: string;
  /** indexed GRCh38 FASTA: enables amino-acid consequences and HGVS p. */
  reference?: string;
  qc?: Partial<QcOptions>;
  rank?: RankOptionsInput;
  limits?: Partial<ResultLimits>;
  /** which variants are annotated and ranked (default: exons ± 50 bp and ClinVar sites) */
  regions?: Partial<RegionOptions>;
  /** do not read the input VCF's own annotations (VEP CSQ, ANNOVAR, gnomAD / ClinVar INFO keys) */
  ignoreInputAnnotations?: boolean;
  /** mouse and interaction-network evidence for genes (docs/SCORING.md); false: human diseases only */
  geneEvidence?: Partial<GeneEvidenceOptions> | false;
  /** what excluded terms do for cases that do not say (default 'ignored'; 'absent' only lowers; 'pertinent' is the opt-in case-report model) */
  excludedTerms?: ExcludedTermsModel;
  /** phenotype scorer options other than the defaults (libs/phenotype options.ts), for development rounds */
  phenotype?: PhenotypeScorerOptions;
}

/** A VCF this large (compressed: ~2M records) is pre-scanned on a second thread by the CLI (Engine.prescan). */
export const PRESCAN_MIN_BYTES = 32 * 1024 * 1024;

/** A case's ranking before it becomes a results document. */
export interface RankedCase {
  phenotype: PatientPhenotype;
  ranked: RankOutput;
  warnings: string[];
}

/**
 * The embedded engine: loads the KB once, then runs cases through the stage libraries
 * (ingest → annotate → phenotype → rank). Services call the same stage functions one by one.
 */
export class Engine {
  private constructor(
    readonly kb: KnowledgeBase,
    readonly phenotypeKb: PhenotypeKb,
    readonly scorer: PhenotypeScorer,
    readonly annotator: Annotator,
    private readonly lookups: PhenotypeKbLookups,
    private readonly genes: Map<string, import('@rarerank/kb').GeneRecord>,
    private readonly chain: ChainFile | undefined,
    private readonly pathogenicMissense: PathogenicMissenseLookup | undefined,
    private readonly opts: EngineOptions,
    readonly geneEvidence?: GeneEvidenceScorer,
  ) {}

  static async create(opts: EngineOptions): Promise<Engine> {
    const kb = await KnowledgeBase.open(opts.kbDir);
    const reference = opts.reference ? await loadReference(opts.reference) : undefined;
    const [phenotypeKb, genes, annotator, pmTable, transcripts, mouse, proximity] = await Promise.all([
      kb.phenotype(),
      kb.genes(),
      // REVEL / SpliceAI / CADD tables, when the KB was built with them
      kb.predictorTables().then((tables) =>
        Annotator.create(kb, { reference, regions: { ...DEFAULT_REGIONS, ...opts.regions }, predictors: tables.map((p) => tablePredictor(p.field, p.table, p.column)) }),
      ),
      kb.variantTable('pathogenicMissense'),
      kb.transcripts(),
      opts.geneEvidence === false ? undefined : kb.mouseModels(),
      opts.geneEvidence === false ? undefined : kb.proximity(),
    ]);
    const ncbiOf = new Map(genes.flatMap((g) => (g.ncbiGeneId ? [[g.symbol, g.ncbiGeneId] as const] : [])));
    const geneEvidence = mouse || proximity ? new GeneEvidenceScorer(phenotypeKb.ontology, { mouse, proximity, ncbiOfSymbol: (s) => ncbiOf.get(s) }, opts.geneEvidence || {}) : undefined;
    const byId = new Map(transcripts.map((t) => [t.id, t]));
    const pm = pmTable && codonPathogenicMissense(pmTable, (id) => byId.get(id));
    const chainFile = kb.chainFile();
    const chain = chainFile ? await ChainFile.load(chainFile) : undefined;
    return new Engine(kb, phenotypeKb, new PhenotypeScorer(phenotypeKb, opts.phenotype), annotator, phenotypeKbLookups(phenotypeKb), geneRecordMap(genes), chain, pm, opts, geneEvidence);
  }

  /**
   * Starts reading the case's VCF on a worker thread now, so that it overlaps Engine.create (see
   * prescan.ts); pass the result to prioritize. The results are those of an ingest without it.
   * Only for one VCF of at least `minBytes` (undefined otherwise): the thread loads the region
   * filter again (~0.5 s of CPU), which only a genome-sized file repays.
   */
  static prescan(
    opts: EngineOptions,
    input: Pick<CaseInput, 'vcfs'> & Partial<Pick<CaseInput, 'proband' | 'ped' | 'sex' | 'assembly' | 'ignoreInputAnnotations'>>,
    minBytes = PRESCAN_MIN_BYTES,
  ): Prescan | undefined {
    if (input.vcfs.length !== 1) return undefined;
    let size = 0;
    try {
      size = statSync(input.vcfs[0]).size;
    } catch {
      return undefined; // the ingest reports a missing file
    }
    if (size < minBytes) return undefined;
    return startPrescan({
      kbDir: opts.kbDir,
      regions: { ...DEFAULT_REGIONS, ...opts.regions },
      vcf: input.vcfs[0],
      proband: input.proband,
      ped: input.ped,
      sex: input.sex,
      assembly: input.assembly,
      ignoreInputAnnotations: input.ignoreInputAnnotations ?? opts.ignoreInputAnnotations,
    });
  }

  /**
   * The identity of the loaded KB build (its build time), recorded on each analysis: a
   * reanalysis under the same version can reuse the annotated candidates.
   */
  get kbVersion(): string {
    return kbVersion(this.kb.manifest);
  }

  /**
   * Stage 1: reads the PED and the VCFs into GRCh38 variants (lifted when the input is GRCh37),
   * keeping only those in the annotated regions; nothing is annotated yet.
   */
  async ingest(input: CaseInput, onProgress?: (message: string) => void, prescan?: Prescan): Promise<IngestedCase> {
    let pedigree: Pedigree | undefined;
    if (input.ped) {
      if (!input.proband) throw new InputError('a PED file needs --proband <id>', { file: input.ped });
      pedigree = pedigreeFor(await readPed(input.ped), input.proband);
    }
    const { variants, ...ingest } = await ingestVcfs({
      vcfs: input.vcfs,
      proband: input.proband,
      pedigree,
      probandSex: input.sex,
      assembly: input.assembly,
      chain: this.chain,
      qc: this.opts.qc,
      ignoreInputAnnotations: input.ignoreInputAnnotations ?? this.opts.ignoreInputAnnotations,
      keepRegion: (chrom, pos) => this.annotator.keepRegion(chrom, pos),
      prescanned: prescan && ((file) => (file === prescan.vcf ? prescan.wait() : undefined)),
      onProgress: onProgress && ((n) => onProgress(`read ${n.toLocaleString('en')} VCF lines`)),
    });
    return { variants, ingest, pedigree };
  }

  /**
   * Stage 2: annotates ingested variants (any consecutive slice of them) and returns the ranking
   * candidates among them (see rankingCandidates): the candidates of consecutive slices,
   * concatenated in order, rank exactly as those of the whole case.
   */
  async annotateVariants(variants: Variant[], proband: string): Promise<AnnotatedVariant[]> {
    await this.annotator.prepare(variants); // fetches reference bases when the FASTA is asynchronous (bgzip)
    return rankingCandidates(
      variants.map((v) => this.annotator.annotate(v)),
      proband,
    );
  }

  /** Stage 3: maps the HPO terms to the KB's release and scores every disease and gene (no variants needed). */
  scorePhenotype(input: PhenotypeInput): ScoredPhenotype {
    const { phenotype, warnings } = this.scorer.resolvePatient({ observed: input.observed, excluded: input.excluded, sex: input.sex, ageYears: input.ageYears });
    if (phenotype.observed.length === 0) {
      throw new InputError(`none of the observed HPO terms could be used (${warnings.join('; ')})`, { file: input.caseId, field: 'phenotypicFeatures' });
    }
    const human = this.scorer.score(phenotype, { excludedTerms: input.excludedTerms ?? this.opts.excludedTerms });
    const scoring = this.geneEvidence ? this.geneEvidence.apply(phenotype, human) : human;
    // the scorer repeats the mapping warnings and adds its own (the opt-in pertinent model says so here)
    return { phenotype, scoring, warnings: [...new Set([...warnings, ...human.warnings])] };
  }

  /** Stage 4: ranks the case from its scored phenotype and (with a VCF) its annotated candidates: the results document. */
  rankScored(input: CaseInput, scored: ScoredPhenotype, annotated?: AnnotatedCase, limits?: Partial<ResultLimits>): CaseResult {
    const all = { ...DEFAULT_LIMITS, ...this.opts.limits, ...limits };
    const { phenotype, ranked, warnings } = this.rankWith(scored, annotated, all);
    return toCaseResult({
      caseId: input.caseId,
      kb: manifestSummary(this.kb.manifest),
      phenotype,
      termName: (id) => this.lookups.termName(id) ?? id,
      vcfs: input.vcfs.map((v) => path.basename(v)),
      annotated,
      ranked,
      warnings,
      limits: all,
      phenotypeGenes: scored.scoring.genes,
    });
  }

  /** Stages 1 and 2 on a whole case (the part of a case that does not depend on the phenotype). */
  async ingestAndAnnotate(input: CaseInput, onProgress?: (message: string) => void, prescan?: Prescan): Promise<AnnotatedCase> {
    const { variants, ingest, pedigree } = await this.ingest(input, onProgress, prescan);
    return { variants: await this.annotateVariants(variants, ingest.proband), ingest, pedigree };
  }

  /** Phenotype scoring and ranking, as the ranking library returns it (the benchmark reads ranks here). */
  rankOnly(input: CaseInput, annotated?: AnnotatedCase, limits: ResultLimits = { ...DEFAULT_LIMITS, ...this.opts.limits }): RankedCase {
    return this.rankWith(this.scorePhenotype(input), annotated, limits);
  }

  /** Phenotype scoring and ranking of a case whose variants (if any) are already annotated. */
  rank(input: CaseInput, annotated?: AnnotatedCase, limits?: Partial<ResultLimits>): CaseResult {
    return this.rankScored(input, this.scorePhenotype(input), annotated, limits);
  }

  /** The four stages in sequence: what the CLI runs, and what the services produce one stage per worker. */
  async prioritize(input: CaseInput, opts: { onProgress?: (message: string) => void; prescan?: Prescan } = {}): Promise<CaseResult> {
    const annotated = input.vcfs.length ? await this.ingestAndAnnotate(input, opts.onProgress, opts.prescan) : undefined;
    return this.rankScored(input, this.scorePhenotype(input), annotated);
  }

  private rankWith({ phenotype, scoring, warnings }: ScoredPhenotype, annotated: AnnotatedCase | undefined, limits: ResultLimits): RankedCase {
    const ranked = rankCase({
      variants: annotated?.variants ?? [],
      phenotype: scoring,
      proband: annotated?.ingest.proband ?? 'proband',
      pedigree: annotated?.pedigree,
      probandSex: phenotype.sex,
      genes: this.genes,
      diseaseInheritance: this.lookups.diseaseInheritance,
      geneDiseases: this.lookups.geneDiseases,
      termName: this.lookups.termName,
      patient: phenotype,
      pathogenicMissense: this.pathogenicMissense,
      // ACMG and explanations up front only for what results.json reports; the rest stay lazy
      options: { assessTopVariants: limits.variants, explainTopGenes: limits.genes, ...this.opts.rank },
    });
    const allWarnings = [...warnings, ...(annotated?.ingest.warnings ?? []), ...ranked.warnings];
    if (annotated && !this.annotator.aminoAcidEffectKnown) {
      allWarnings.push(NO_REFERENCE_WARNING);
    }
    return { phenotype, ranked, warnings: allWarnings };
  }
}
