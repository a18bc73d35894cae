/** How scores, frequencies, times and variants are written in the app (pure: unit-tested). */

/** Scores are in [0, 1] (combined, phenotype, variant): three decimals tell ranks apart. */
export function formatScore(n: number | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? n.toFixed(3) : '—';
}

/** Allele frequency: absent means not seen in the population sources. */
export function formatFrequency(f: number | undefined): string {
  if (typeof f !== 'number' || !Number.isFinite(f)) return 'not seen';
  if (f === 0) return '0';
  return f >= 0.001 ? f.toFixed(4).replace(/0+$/, '').replace(/\.$/, '') : f.toExponential(1);
}

/** An ISO time as `2026-12-06 23:10 UTC` (the lab's reviewers may sit in different zones). */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `likely_pathogenic` → `likely pathogenic`; also review states (`awaiting_approval`). */
export function humanize(value: string | undefined): string {
  return value ? value.replace(/_/g, ' ') : '—';
}

/** The key the variant review route takes: `chr2-166848646-G-A`, as the result spells it. */
export function variantKey(v: { chrom: string; pos: number; ref: string; alt: string }): string {
  return `${v.chrom}-${v.pos}-${v.ref}-${v.alt}`;
}

/** `NM_001165963.4:c.2T>C (p.Met1?)`, or what of it the result carries (hgvsC may name its transcript already). */
export function formatHgvs(v: { transcript?: string; hgvsC?: string; hgvsP?: string }): string {
  const c = v.hgvsC ? (v.transcript && !v.hgvsC.includes(':') ? `${v.transcript}:${v.hgvsC}` : v.hgvsC) : v.transcript ?? '';
  const text = v.hgvsP ? `${c} (${v.hgvsP})`.trim() : c;
  return text || '—';
}

const EVIDENCE: Record<string, string> = {
  human: 'human disease',
  mouse: 'mouse ortholog',
  interactome: 'interaction partners',
};

/** Where the gene's phenotype score came from. */
export function formatEvidence(kind: string | undefined): string {
  return kind ? (EVIDENCE[kind] ?? kind) : 'none';
}
