import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { minimalAlleles } from '@rarerank/variants-db';
import { phenopacketToCase, type CaseInput } from '../case-input';
import type { Engine, RankedCase } from '../engine';
import type { AnnotatedCase } from '../stage-types';
import { caseTruth, type CaseTruth } from './case-truth';
import { notCitedForDiagnosis, phenopacketPmids, readHpoaCitations } from './hpoa-citations';
import { RankMetrics } from './metrics';
import { mergeSorted, spikedLines } from './spike';
import { readDataLines, spikedRecordsHeader, vcfHeader } from './vcf-lines';

export interface BenchOptions {
  phenopacketDir: string;
  background: string;
  modes: Array<'phenotype' | 'vcf'>;
  /** take every n-th case (1 = all), deterministic */
  every: number;
  /** with `every`: start at this case (0 … every−1), so that slices with different offsets are disjoint */
  offset?: number;
  limit?: number;
  /** write one spiked VCF per case and ingest it whole, instead of ingesting only the spiked records */
  faithful: boolean;
  onProgress?: (done: number, total: number) => void;
  /** phenotype.hpoa: with it the report adds the cases whose paper the diagnosis's annotations do not cite */
  hpoaFile?: string;
}

export interface CaseOutcome {
  caseId: string;
  cohort: string;
  truthDisease: string;
  truthGenes: string;
  phenotypeDiseaseRank?: number;
  vcfDiseaseRank?: number;
  geneRank?: number;
  variantRank?: number;
  skipped?: string;
  /** the diagnosis is annotated in the KB's HPO release */
  annotated?: boolean;
  /** at least one causal variant could be spiked */
  spikeable?: boolean;
  /** none of the case's PMIDs is cited by the hpoa rows of its diagnosis (undefined without hpoaFile) */
  notCited?: boolean;
}

type Summary = ReturnType<RankMetrics['summary']>;

/** The headline metrics restricted to a subset of the cases. */
export interface BenchSubset {
  cases: number;
  phenotypeDisease: Summary;
  vcfDisease: Summary;
  gene: Summary;
  variant: Summary;
}

export interface BenchReport {
  cases: number;
  phenotype: { disease: ReturnType<RankMetrics['summary']>; diseaseAnnotated: ReturnType<RankMetrics['summary']> };
  vcf: {
    disease: ReturnType<RankMetrics['summary']>;
    gene: ReturnType<RankMetrics['summary']>;
    variant: ReturnType<RankMetrics['summary']>;
    /** causal gene, split by whether the diagnosis is annotated in the HPO release (spiked cases only) */
    geneAnnotated: ReturnType<RankMetrics['summary']>;
    geneUnannotated: ReturnType<RankMetrics['summary']>;
  };
  /**
   * annotatedSpikeable: the diagnosis is annotated and a causal variant spikeable (what the data
   * allows); notCited: annotated cases whose paper is not cited by the diagnosis's hpoa rows
   * (closest to a new patient; only with hpoaFile)
   */
  subsets: { annotatedSpikeable: BenchSubset; notCited?: BenchSubset };
  skipped: Record<string, number>;
  outcomes: CaseOutcome[];
  secondsPerCase: { phenotype: number; vcf: number };
  /**
   * The background's annotated variants, and how many the KB's in-house cohort carries: a
   * background that is itself in the cohort would have its variants filtered as common, and the
   * benchmark would measure nothing (not with --faithful, which annotates per case).
   */
  background?: { variants: number; inCohort: number };
}

// ranks are read from the ranking itself: only a few entries need ACMG and explanations
const BENCH_LIMITS = { diseases: 10, genes: 10, variants: 10 };

function rankOf<T>(items: T[], hit: (x: T) => boolean): number | undefined {
  const i = items.findIndex(hit);
  return i < 0 ? undefined : i + 1;
}

const variantKey = (chrom: string, pos: number, ref: string, alt: string) => {
  const m = minimalAlleles(pos, ref, alt);
  return `${chrom}:${m.pos}:${m.ref}:${m.alt}`;
};

/** Items offset, offset + every, offset + 2·every, …: slices with different offsets are disjoint and together cover all. */
export function everyNth<T>(items: readonly T[], every: number, offset = 0): T[] {
  if (!(Number.isInteger(every) && every >= 1 && Number.isInteger(offset) && offset >= 0 && offset < every)) throw new RangeError(`every must be an integer ≥ 1 and offset an integer in [0, every), not ${every} and ${offset}`);
  return items.filter((_, i) => i % every === offset);
}

/** Case files in a stable order: cohort folders, then files, sorted by name. */
export function listPhenopackets(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listPhenopackets(full));
    else if (entry.name.endsWith('.json')) out.push(full);
  }
  return out;
}

/**
 * The benchmark of issue "engine": strips the truth from each phenopacket, spikes its causal
 * variants into a real background exome, runs the engine and records where the truth ranks.
 * The background is ingested and annotated once per sex; each case then ingests only its spiked
 * records (same header, same FORMAT) and replaces background records at the same position, which
 * is what ingesting the merged VCF would give. `faithful` checks that by merging real files (one
 * difference: the merged file keeps the background's note that it was lifted from GRCh37, so a
 * causal indel at a gap of the chain is dropped there, 6 of the 8,447 causal variants).
 * The spiked records alone carry no such note: they are GRCh38 as the phenopackets give them.
 */
export async function runBench(engine: Engine, opts: BenchOptions): Promise<BenchReport> {
  let files = everyNth(listPhenopackets(opts.phenopacketDir), opts.every, opts.offset ?? 0);
  if (opts.limit) files = files.slice(0, opts.limit);
  const header = await vcfHeader(opts.background);
  const sampleCount = header.at(-1)!.split('\t').length - 9;
  const spikedHeader = spikedRecordsHeader(header);
  const tmp = mkdtempSync(path.join(tmpdir(), 'rarerank-bench-'));
  const backgrounds = new Map<string, AnnotatedCase>();
  const backgroundLines = opts.faithful ? await readDataLines(opts.background) : [];

  const pheno = new RankMetrics();
  const phenoAnnotated = new RankMetrics();
  const vcfDisease = new RankMetrics();
  const vcfGene = new RankMetrics();
  const vcfVariant = new RankMetrics();
  const vcfGeneAnnotated = new RankMetrics();
  const vcfGeneUnannotated = new RankMetrics();
  const skipped: Record<string, number> = {};
  const skip = (o: CaseOutcome, why: string) => {
    o.skipped = o.skipped ? `${o.skipped}; ${why}` : why;
    skipped[why] = (skipped[why] ?? 0) + 1;
  };
  const outcomes: CaseOutcome[] = [];
  const time = { phenotype: 0, vcf: 0, phenotypeCases: 0, vcfCases: 0 };
  let background: BenchReport['background'];
  // a causal gene is found by its symbol or, when the phenopacket gives its HGNC id, by that id
  // (a gene renamed after the KB's gene-model release, e.g. CIROZ = C1orf127, keeps its HGNC id)
  const ncbiOfHgnc = new Map((await engine.kb.genes()).flatMap((g) => (g.hgncId ? [[g.hgncId, g.ncbiGeneId] as const] : [])));
  const annotatedDiseases = new Set(engine.phenotypeKb.diseases.filter((d) => d.terms.length > 0).map((d) => d.id));

  const citations = opts.hpoaFile ? await readHpoaCitations(opts.hpoaFile) : undefined;

  try {
    for (const [n, file] of files.entries()) {
      const json = JSON.parse(readFileSync(file, 'utf8'));
      const truth: CaseTruth = caseTruth(json);
      const outcome: CaseOutcome = { caseId: json.id, cohort: path.basename(path.dirname(file)), truthDisease: truth.diseaseIds.join(','), truthGenes: truth.genes.join(',') };
      outcomes.push(outcome);
      let input: CaseInput;
      try {
        input = phenopacketToCase({ id: json.id, subject: json.subject, phenotypicFeatures: json.phenotypicFeatures, metaData: json.metaData }, file);
      } catch {
        skip(outcome, 'no observed phenotypic features');
        // counted as not found in the modes that run (a phenotype row in a VCF-only run would show 2 cases)
        if (opts.modes.includes('phenotype')) pheno.add(undefined);
        if (opts.modes.includes('vcf')) for (const m of [vcfDisease, vcfGene, vcfVariant]) m.add(undefined);
        continue;
      }
      const diseaseHit = (r: RankedCase) => rankOf(r.ranked.diseases, (d) => truth.diseaseIds.includes(d.diseaseId));
      const inKb = truth.diseaseIds.some((id) => annotatedDiseases.has(id));
      outcome.annotated = inKb;
      outcome.spikeable = truth.variants.length > 0;
      if (citations) outcome.notCited = inKb && notCitedForDiagnosis(phenopacketPmids(json), truth.diseaseIds, citations);
      if (!inKb) skip(outcome, 'diagnosis not annotated in this HPO release (phenotype-only: not found; VCF mode: found only through its gene)');

      if (opts.modes.includes('phenotype')) {
        const t0 = performance.now();
        let result: RankedCase | undefined;
        try {
          result = engine.rankOnly(input, undefined, BENCH_LIMITS);
        } catch (e) {
          skip(outcome, `phenotype-only failed: ${(e as Error).message.slice(0, 80)}`);
        }
        time.phenotype += performance.now() - t0;
        time.phenotypeCases++;
        outcome.phenotypeDiseaseRank = result && diseaseHit(result);
        pheno.add(outcome.phenotypeDiseaseRank);
        if (inKb) phenoAnnotated.add(outcome.phenotypeDiseaseRank);
      }

      if (opts.modes.includes('vcf')) {
        if (truth.variants.length === 0) {
          skip(outcome, `no spikeable causal variant (${truth.unspikeable[0] ?? 'none listed'})`);
          for (const m of [vcfDisease, vcfGene, vcfVariant]) m.add(undefined);
        } else {
          const t0 = performance.now();
          const lines = spikedLines(truth, sampleCount);
          let annotated: AnnotatedCase;
          if (opts.faithful) {
            const vcf = path.join(tmp, 'case.vcf');
            writeFileSync(vcf, [...header, ...mergeSorted(backgroundLines, lines)].join('\n') + '\n');
            annotated = await engine.ingestAndAnnotate({ ...input, vcfs: [vcf] });
          } else {
            let bg = backgrounds.get(input.sex);
            if (!bg) {
              bg = await engine.ingestAndAnnotate({ ...input, vcfs: [opts.background] });
              backgrounds.set(input.sex, bg);
              background ??= { variants: bg.variants.length, inCohort: bg.variants.filter(inCohort).length };
            }
            const vcf = path.join(tmp, 'spiked.vcf');
            writeFileSync(vcf, [...spikedHeader, ...mergeSorted([], lines)].join('\n') + '\n');
            const spiked = await engine.ingestAndAnnotate({ ...input, vcfs: [vcf] });
            const at = new Set(spiked.variants.map((v) => `${v.chrom}:${v.pos}`));
            annotated = { ...bg, variants: bg.variants.filter((v) => !at.has(`${v.chrom}:${v.pos}`)).concat(spiked.variants) };
          }
          const result = engine.rankOnly(input, annotated, BENCH_LIMITS);
          time.vcf += performance.now() - t0;
          time.vcfCases++;
          const truthKeys = new Set(truth.variants.map((v) => variantKey(v.chrom, v.pos, v.ref, v.alt)));
          outcome.vcfDiseaseRank = diseaseHit(result);
          const truthNcbi = new Set(truth.hgncIds.map((id) => ncbiOfHgnc.get(id)).filter((id) => id !== undefined));
          outcome.geneRank = rankOf(result.ranked.genes, (g) => truth.genes.includes(g.symbol) || (g.ncbiGeneId !== undefined && truthNcbi.has(g.ncbiGeneId)));
          outcome.variantRank = rankOf(result.ranked.variants, (v) => truthKeys.has(variantKey(v.chrom, v.pos, v.ref, v.alt)));
          vcfDisease.add(outcome.vcfDiseaseRank);
          vcfGene.add(outcome.geneRank);
          (inKb ? vcfGeneAnnotated : vcfGeneUnannotated).add(outcome.geneRank);
          vcfVariant.add(outcome.variantRank);
        }
      }
      opts.onProgress?.(n + 1, files.length);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return {
    cases: files.length,
    phenotype: { disease: pheno.summary(), diseaseAnnotated: phenoAnnotated.summary() },
    vcf: { disease: vcfDisease.summary(), gene: vcfGene.summary(), variant: vcfVariant.summary(), geneAnnotated: vcfGeneAnnotated.summary(), geneUnannotated: vcfGeneUnannotated.summary() },
    subsets: {
      annotatedSpikeable: subsetSummary(outcomes, (o) => o.annotated === true && o.spikeable === true, opts.modes),
      ...(citations ? { notCited: subsetSummary(outcomes, (o) => o.notCited === true, opts.modes) } : {}),
    },
    skipped,
    outcomes,
    secondsPerCase: { phenotype: time.phenotype / 1000 / Math.max(1, time.phenotypeCases), vcf: time.vcf / 1000 / Math.max(1, time.vcfCases) },
    ...(background ? { background } : {}),
  };
}

/** A variant whose frequency evidence names an in-house cohort among its sources (`cohort:<name>`). */
const inCohort = (v: AnnotatedCase['variants'][number]) => (v.annotation.frequency?.source ?? '').split(',').some((s) => s.startsWith('cohort:'));

/** The metrics of the cases `keep` admits; a mode that did not run gives empty summaries. */
export function subsetSummary(outcomes: readonly CaseOutcome[], keep: (o: CaseOutcome) => boolean, modes: BenchOptions['modes']): BenchSubset {
  const m = { phenotypeDisease: new RankMetrics(), vcfDisease: new RankMetrics(), gene: new RankMetrics(), variant: new RankMetrics() };
  const kept = outcomes.filter(keep);
  for (const o of kept) {
    if (modes.includes('phenotype')) m.phenotypeDisease.add(o.phenotypeDiseaseRank);
    if (modes.includes('vcf')) {
      m.vcfDisease.add(o.vcfDiseaseRank);
      m.gene.add(o.geneRank);
      m.variant.add(o.variantRank);
    }
  }
  return { cases: kept.length, phenotypeDisease: m.phenotypeDisease.summary(), vcfDisease: m.vcfDisease.summary(), gene: m.gene.summary(), variant: m.variant.summary() };
}
