import { soSeverity, type AnnotatedVariant, type SoTerm, type TranscriptConsequence } from '@rarerank/case-model';

/** 0.000123 → "0.012%"; 0.062 → "6.2%" */
export function pct(af: number): string {
  const p = af * 100;
  if (p === 0) return '0%';
  return `${p >= 1 ? Number(p.toFixed(1)) : Number(p.toPrecision(2))}%`;
}

const thresholds = new Map<number, string>();
/** pct() of a configured threshold, memoized: it is written into many reasons */
export function pctThreshold(x: number): string {
  let s = thresholds.get(x);
  if (s === undefined) {
    s = pct(x);
    if (thresholds.size < 64) thresholds.set(x, s);
  }
  return s;
}

export const round2 = (x: number): string => (Math.round(x * 100) / 100).toFixed(2);

/** The transcript consequence the variant is reported on: the gene's reporting transcript, else the most severe. */
export function reportingConsequence(v: AnnotatedVariant): TranscriptConsequence | undefined {
  const a = v.annotation;
  if (a.primary) return a.primary;
  let best: TranscriptConsequence | undefined;
  for (const t of a.transcripts) {
    if (!t.consequences.length) continue;
    if (!best || soSeverity(t.consequences[0]) < soSeverity(best.consequences[0])) best = t;
  }
  return best ?? a.transcripts[0];
}

export function mainTerm(v: AnnotatedVariant): SoTerm {
  return reportingConsequence(v)?.consequences[0] ?? v.annotation.mostSevere;
}

/** "NM_000138.5:c.3458G>T (p.Cys1153Phe)" or "chr15:48450000 G>T" */
export function variantLabel(v: AnnotatedVariant): string {
  const tc = reportingConsequence(v);
  const where = tc?.hgvsC ?? `${v.chrom}:${v.pos} ${v.ref}>${v.alt}`;
  const protein = tc?.hgvsP ? ` (${tc.hgvsP.replace(/^[^:]*:/, '')})` : '';
  return `${where}${protein}`;
}

/** "c.3458G>T" — the short form used inside sentences about a second variant */
export function shortLabel(v: AnnotatedVariant): string {
  const c = reportingConsequence(v)?.hgvsC;
  return c ? c.replace(/^[^:]*:/, '') : `${v.chrom}:${v.pos} ${v.ref}>${v.alt}`;
}
