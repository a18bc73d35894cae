/** What the KB recorded about one reference source. */
export interface SourceEntry {
  id: string;
  title: string;
  status: 'loaded' | 'missing';
  required: boolean;
  /** files read (absolute paths at build time), with checksums */
  files: Array<{ path: string; sha256: string; bytes: number }>;
  /** release version or date as stated inside the file; null when the file does not state one */
  version: string | null;
  /** named record counts, e.g. { terms: 19177 } */
  records: Record<string, number>;
  licence: string;
  nonCommercial: boolean;
  notes: string[];
}

export interface KbManifest {
  schemaVersion: typeof KB_SCHEMA_VERSION;
  rarerankVersion: string;
  assembly: 'GRCh38';
  builtAt: string;
  buildSeconds: number;
  mirror: string;
  sources: SourceEntry[];
  /** the KB's files relative to its directory, with checksums, so a copy can be verified */
  outputs: Record<string, { sha256: string; bytes: number }>;
}

export const MANIFEST_FILE = 'manifest.json';
/** Bumped whenever a KB built by an older release would be read wrongly (2: n/m frequency totals; 3: small RNA disease genes from gene intervals; 4: frequencies and predictor scores in disk-backed variant stores; 5: variant store schema 2 and the gene-evidence folder; 6: ClinVar in a variant store; 7: the frequency store's benignAf for ACMG BA1/BS1). */
export const KB_SCHEMA_VERSION = 7;

/**
 * The identity of a KB build recorded on each analysis (gateway and workers must agree): a
 * reanalysis under an unchanged version reuses the annotated variants. Every `kb build` changes it.
 */
export function kbVersion(m: KbManifest): string {
  return m.builtAt;
}

/** A short identity of the KB for results: HPO version, build time and the sources used. */
export function manifestSummary(m: KbManifest): { builtAt: string; hpo: string | null; sources: Array<{ id: string; version: string | null; nonCommercial: boolean }> } {
  return {
    builtAt: m.builtAt,
    hpo: m.sources.find((s) => s.id === 'hpo-ontology')?.version ?? null,
    sources: m.sources.filter((s) => s.status === 'loaded').map((s) => ({ id: s.id, version: s.version, nonCommercial: s.nonCommercial })),
  };
}
