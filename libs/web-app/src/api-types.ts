import type { CriterionChange } from './criteria-changes.js';

/**
 * The parts of the gateway's answers the app reads (docs/SERVICES.md, OpenAPI at /docs). Written
 * here rather than imported: the browser build has no path aliases, and the libs behind them are Node code.
 */
import type { ReviewStatus } from './review-actions.js';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface Signoff {
  analysis?: number;
  requestedBy?: string;
  requestedByName?: string;
  requestedAt?: string;
  approvedBy?: string;
  approvedByName?: string;
  approvedAt?: string;
}

export interface CaseSummary {
  id: string;
  externalId?: string;
  status: string;
  reviewStatus: ReviewStatus;
  currentAnalysis: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface CaseDetail extends CaseSummary {
  progress: { phenotypeDone?: boolean; chunks: { done: number; total: number | null } } | null;
  failure?: unknown;
  warnings: string[];
  signoff?: Signoff;
}

export interface GeneResult {
  rank: number;
  symbol: string;
  score: number;
  phenotypeScore: number;
  variantScore: number;
  moi?: string;
  bestDiseaseId?: string;
  phenotypeEvidence?: 'human' | 'mouse' | 'interactome';
  explanation: string[];
  acmgClass?: string;
}

export interface VariantResult {
  rank: number;
  geneRank?: number;
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  gene?: string;
  transcript?: string;
  consequence: string;
  hgvsC?: string;
  hgvsP?: string;
  zygosity: string;
  score: number;
  frequency?: number;
  clinvar?: string;
  acmg: { classification: string; points: number; criteria: unknown[] };
  contributing: boolean;
}

export interface DiseaseResult {
  rank: number;
  id: string;
  name: string;
  score: number;
  probability?: number;
  genes: string[];
}

/** GET /cases/:id/results: one page of a section, with the analysis and the result's warnings. */
export interface ResultsPage<T> extends Page<T> {
  caseId: string;
  analysis: number;
  section: 'genes' | 'variants' | 'diseases';
  mode: string;
  warnings: string[];
}

export interface Review {
  target: { kind: 'gene' | 'variant'; key: string };
  tags: string[];
  acmgClass?: string;
  /** the reviewer's changes to the ACMG criteria the engine assigned */
  criteriaChanges?: CriterionChange[];
  note?: string;
  reviewer: string;
  reviewerId?: string;
  analysis?: number;
  updatedAt: string;
}

export interface AuditEntry {
  id: string;
  actor: { keyId: string; userId?: string; user: string; role: string };
  action: string;
  target?: string;
  detail: Record<string, unknown>;
  at: string;
}

/** GET /me: who the key speaks for */
export interface Me {
  keyId: string;
  labId: string;
  /** absent for a legacy key minted before users existed (it may read and submit, not review) */
  userId?: string;
  user: string;
  role: string;
}
