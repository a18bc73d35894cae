import type { ClinvarEvidence, FrequencyEvidence, PredictorEvidence } from '@rarerank/case-model';

/**
 * Any keyed variant source: a whole-loaded `VariantTable` or a disk-backed store
 * (`StoreLookup`). `prefetch`, when present, answers a batch in one merge pass over the store;
 * the annotator calls it from `prepare` before `annotate` asks variant by variant.
 */
export interface VariantLookup {
  get(chrom: string, pos: number, ref: string, alt: string): Record<string, number | string | undefined> | undefined;
  prefetch?(queries: Array<{ chrom: string; pos: number; ref: string; alt: string }>): void;
}

/** The KB's ClinVar: lookups, and every site it holds (the region pre-filter keeps ClinVar sites). */
export interface ClinvarSource extends VariantLookup {
  entries(): Iterable<{ chrom: string; pos: number; ref: string; alt: string }>;
}

/** Variant-level predictors a table can supply (the gene-level AlphaMissense mean comes from the gene record). */
export type VariantPredictor = 'revel' | 'spliceAi' | 'cadd' | 'alphaMissense';

/**
 * A pluggable variant-level predictor: any lookup by VCF-style key. When the KB gains a REVEL,
 * SpliceAI or CADD table, wrap it with `tablePredictor` and pass it in `AnnotatorOptions.predictors`.
 */
export interface PredictorSource {
  field: VariantPredictor;
  get(chrom: string, pos: number, ref: string, alt: string): number | undefined;
  prefetch?: VariantLookup['prefetch'];
}

/** A predictor read from one numeric column of a KB variant table or store. */
export function tablePredictor(field: VariantPredictor, table: VariantLookup, column: string): PredictorSource {
  return {
    field,
    prefetch: table.prefetch?.bind(table),
    get(chrom, pos, ref, alt) {
      const v = table.get(chrom, pos, ref, alt)?.[column];
      return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
    },
  };
}

/** maxAf is the group-max AF (afPopmax), falling back to the overall AF. */
export function frequencyEvidence(table: VariantLookup | undefined, chrom: string, pos: number, ref: string, alt: string): FrequencyEvidence | undefined {
  const r = table?.get(chrom, pos, ref, alt);
  if (!r) return undefined;
  const maxAf = num(r.afPopmax) ?? num(r.af);
  if (maxAf === undefined) return undefined;
  const out: FrequencyEvidence = { maxAf, source: String(r.sources ?? 'unknown'), faf95: num(r.faf95Max), homozygotes: num(r.homozygotes) };
  const benignAf = num(r.benignAf);
  if (benignAf !== undefined) {
    out.benignAf = benignAf;
    out.benignAfIsFaf95 = r.benignAfIsFaf95 === 1;
  }
  return out;
}

/** ClinVar record, ignoring records without a germline classification ('other'). */
export function clinvarEvidence(table: VariantLookup | undefined, chrom: string, pos: number, ref: string, alt: string): ClinvarEvidence | undefined {
  const r = table?.get(chrom, pos, ref, alt);
  if (!r || r.significance === undefined || r.significance === 'other') return undefined;
  return {
    significance: String(r.significance),
    reviewStatus: String(r.reviewStatus ?? 'unknown'),
    stars: num(r.stars) ?? 0,
    variationId: r.variationId === undefined ? undefined : String(r.variationId),
  };
}

export function predictorEvidence(sources: PredictorSource[], chrom: string, pos: number, ref: string, alt: string, alphaMissenseGeneMean?: number): PredictorEvidence {
  const out: PredictorEvidence = {};
  if (alphaMissenseGeneMean !== undefined) out.alphaMissenseGeneMean = alphaMissenseGeneMean;
  for (const s of sources) {
    const v = s.get(chrom, pos, ref, alt);
    if (v !== undefined) out[s.field] = Math.max(out[s.field] ?? -Infinity, v);
  }
  return out;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && !Number.isNaN(v) ? v : undefined);
