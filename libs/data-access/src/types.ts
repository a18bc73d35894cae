import type { AnnotatedVariant, Variant } from '@rarerank/case-model';
import type { CaseResult } from '@rarerank/report';

/**
 * Plain documents as the repositories return them: lean objects, `_id` exposed as a string `id`,
 * no `__v`. Dates are Date objects. Nothing here depends on mongoose or Nest.
 */

export const ROLES = ['submitter', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CASE_STATUSES = ['received', 'ingesting', 'annotating', 'ranking', 'completed', 'failed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const TERMINAL_STATUSES: readonly CaseStatus[] = ['completed', 'failed'];
export const NON_TERMINAL_STATUSES: readonly CaseStatus[] = ['received', 'ingesting', 'annotating', 'ranking'];

export const REVIEW_STATUSES = ['open', 'in_review', 'awaiting_approval', 'reported'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The pipeline stages are defined once, with the queue contracts. */
import type { PipelineStage } from '@rarerank/pipeline';
export { PIPELINE_STAGES, type PipelineStage } from '@rarerank/pipeline';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageOptions {
  /** 1-based */
  page?: number;
  pageSize?: number;
}

// ---- labs -----------------------------------------------------------------------------------
export interface Lab {
  id: string;
  name: string;
  webhookUrl?: string;
  webhookSecret?: string;
  createdAt: Date;
}

// ---- users ----------------------------------------------------------------------------------
/**
 * A person of a lab. Keys belong to a user; the four-eyes rule compares user ids, never names.
 * A disabled user's keys stop authenticating.
 */
export interface User {
  id: string;
  labId: string;
  name: string;
  email?: string;
  /** the roles keys of this user may be minted with */
  roles: Role[];
  createdAt: Date;
  /** user id of the admin who created it, or `operator` (CLI) */
  createdBy: string;
  disabledAt?: Date;
  disabledBy?: string;
}

export interface NewUser {
  labId: string;
  name: string;
  email?: string;
  roles: Role[];
  createdBy: string;
}

/** Who a key belongs to: a user record (userId) and its display name. */
export interface KeyOwner {
  userId: string;
  user: string;
}

// ---- apikeys --------------------------------------------------------------------------------
/** An API key as every read returns it: never the hash. */
export interface ApiKey {
  id: string;
  labId: string;
  /** the owning user record; absent on keys minted before users existed (legacy, see docs/SERVICES.md) */
  userId?: string;
  /** display name of the owner (legacy keys: the free-text name they were minted with) */
  user: string;
  role: Role;
  name?: string;
  prefix: string;
  createdAt: Date;
  revokedAt?: Date;
  lastUsedAt?: Date;
}

/** What create() returns: the plaintext `rr_<prefix>_<secret>` exists only here, once. */
export interface CreatedApiKey {
  key: ApiKey;
  plaintext: string;
}

// ---- cases ----------------------------------------------------------------------------------
/** An uploaded file as the case records it (the bytes live in GridFS). */
export interface InputFileRef {
  name: string;
  size: number;
  sha256: string;
  fileId: string;
}

export interface CaseInputs {
  vcfs: InputFileRef[];
  ped?: InputFileRef;
  phenopacket?: InputFileRef;
  observed: string[];
  excluded: string[];
  sex: 'MALE' | 'FEMALE' | 'UNKNOWN';
  ageYears?: number;
  proband?: string;
  assembly?: 'GRCh37' | 'GRCh38';
  /** what the excluded terms do (libs/phenotype excludedTerms); unset = the default, 'ignored' */
  excludedTerms?: 'ignored' | 'absent' | 'pertinent';
  /** true: the VCFs' own annotations (VEP CSQ, ANNOVAR, gnomAD/ClinVar INFO keys) are not read */
  ignoreInputAnnotations?: boolean;
}

export interface StageTiming {
  startedAt?: Date;
  completedAt?: Date;
  ms?: number;
}

export interface Failure {
  stage: PipelineStage;
  reason: string;
}

/** One analysis of a case (1 = the submission, n+1 = each reanalysis). */
export interface Analysis {
  n: number;
  observed: string[];
  excluded: string[];
  kbVersion: string;
  /** the analysis whose candidate variants this one ranks: itself when it annotates, an earlier one when it reuses them */
  variantsFrom: number;
  status: CaseStatus;
  phenotypeDone: boolean;
  /** annotated chunks of this analysis (only meaningful when variantsFrom === n) */
  chunksDone: number[];
  stages: Partial<Record<PipelineStage, StageTiming>>;
  failure?: Failure;
  createdAt: Date;
  completedAt?: Date;
  requestedBy: string;
}

/**
 * The sign-off of one analysis and its approval. `requestedBy`/`approvedBy` are user ids (on
 * cases signed off before users existed: free-text names); the names are kept for reports.
 */
export interface Signoff {
  /** the analysis the sign-off (and its approval) covers */
  analysis?: number;
  requestedBy?: string;
  requestedByName?: string;
  requestedAt?: Date;
  approvedBy?: string;
  approvedByName?: string;
  approvedAt?: Date;
}

/** A user acting in the review workflow. */
export interface ReviewActor {
  userId: string;
  name: string;
}

export interface CaseDoc {
  /** uuid */
  id: string;
  labId: string;
  externalId?: string;
  batchId?: string;
  /** the status of the current analysis */
  status: CaseStatus;
  reviewStatus: ReviewStatus;
  inputs: CaseInputs;
  /** ingested chunks: total is set by ingestion; done mirrors the current analysis's chunksDone */
  chunks: { total?: number; done: number[] };
  analyses: Analysis[];
  currentAnalysis: number;
  warnings: string[];
  signoff: Signoff;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewCase {
  /** pre-generated so uploads can carry the case id in their metadata; a uuid is made when absent */
  id?: string;
  labId: string;
  externalId?: string;
  batchId?: string;
  inputs: CaseInputs;
  kbVersion: string;
  createdBy: string;
}

export interface NewAnalysis {
  observed: string[];
  excluded: string[];
  kbVersion: string;
  /** undefined: this analysis annotates the stored chunks itself (variantsFrom = its own n) */
  variantsFrom?: number;
  requestedBy: string;
}

export interface CaseListOptions extends PageOptions {
  status?: CaseStatus;
  /** a reviewer's worklist, e.g. the cases awaiting approval */
  reviewStatus?: ReviewStatus;
  /** createdAt >= from */
  from?: Date;
  /** createdAt < to */
  to?: Date;
}

/** The join state after a chunk, the phenotype or the chunk total was recorded. */
export interface JoinState {
  case: CaseDoc;
  /** phenotype done and every chunk annotated (or variants reused): the rank job may run */
  ready: boolean;
  /** this very call made it ready: exactly one caller sees true for first deliveries */
  becameReady: boolean;
}

/** Outcome of a review-status transition, so the gateway can answer 200, 404 or 409. */
export type TransitionOutcome = { kind: 'ok'; case: CaseDoc; before: CaseDoc } | { kind: 'not_found' } | { kind: 'conflict'; case: CaseDoc };

// ---- variant chunks -------------------------------------------------------------------------
export interface VariantChunk {
  caseId: string;
  chunk: number;
  /** ingested variants (≤ 2,000 per chunk) */
  variants: Variant[];
  /** the sample ingest resolved as the proband; absent on chunks stored before it was recorded */
  proband?: string;
}

export interface CandidateVariantChunk {
  caseId: string;
  analysis: number;
  chunk: number;
  /** annotated candidate variants of this chunk */
  variants: AnnotatedVariant[];
}

// ---- results --------------------------------------------------------------------------------
/** A gene or disease whose place in the top list changed against the previous analysis. */
export interface RankChange {
  /** gene symbol or disease id */
  key: string;
  kind: 'moved' | 'entered' | 'left';
  from?: number;
  to?: number;
}

export interface ResultChanges {
  againstAnalysis: number;
  genes: RankChange[];
  diseases: RankChange[];
}

export interface ResultDoc {
  id: string;
  caseId: string;
  labId: string;
  analysis: number;
  result: CaseResult;
  changes?: ResultChanges;
  createdAt: Date;
}

export interface NewResult {
  caseId: string;
  labId: string;
  analysis: number;
  result: CaseResult;
  changes?: ResultChanges;
}

export interface AnalysisSummary {
  analysis: number;
  createdAt: Date;
}

// ---- reviews --------------------------------------------------------------------------------
export interface ReviewTarget {
  kind: 'gene' | 'variant';
  /** gene symbol, or `chr-pos-ref-alt` */
  key: string;
}

export interface CriteriaChange {
  criterion: string;
  action: 'add' | 'remove' | 'strength';
  strength?: string;
}

export interface ReviewContent {
  tags?: string[];
  acmgClass?: string;
  criteriaChanges?: CriteriaChange[];
  note?: string;
}

export interface Review {
  id: string;
  caseId: string;
  labId: string;
  target: ReviewTarget;
  tags: string[];
  acmgClass?: string;
  criteriaChanges: CriteriaChange[];
  note?: string;
  /** display name of the last reviewer who wrote it */
  reviewer: string;
  /** user id of the last reviewer (absent on reviews written before users existed) */
  reviewerId?: string;
  /** user ids of everyone who ever wrote it (older reviews: names); approval must come from none of them */
  authors: string[];
  /** the analysis whose result contained the target when it was last written */
  analysis?: number;
  updatedAt: Date;
}

// ---- audit ----------------------------------------------------------------------------------
export interface AuditActor {
  keyId: string;
  /** the user record behind the key (absent for legacy keys and the operator CLI) */
  userId?: string;
  user: string;
  role: Role;
}

export interface AuditEntry {
  id: string;
  labId: string;
  caseId?: string;
  actor: AuditActor;
  action: string;
  target?: string;
  detail: Record<string, unknown>;
  at: Date;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at' | 'detail'> & { at?: Date; detail?: Record<string, unknown> };

// ---- batches --------------------------------------------------------------------------------
export interface Batch {
  id: string;
  labId: string;
  caseIds: string[];
  createdAt: Date;
  createdBy: string;
}

export interface NewBatch {
  id?: string;
  labId: string;
  caseIds: string[];
  createdBy: string;
}

// ---- files (GridFS bucket `files`) ----------------------------------------------------------
export type FileRole = 'vcf' | 'ped' | 'phenopacket' | 'phenotype-scores' | 'manifest' | 'other';

export interface FileMetadata {
  labId?: string;
  caseId?: string;
  role: FileRole;
  /** set after the upload completed */
  sha256?: string;
  [key: string]: unknown;
}

export interface StoredFile {
  id: string;
  filename: string;
  length: number;
  sha256: string;
  uploadDate: Date;
  metadata: FileMetadata;
}
