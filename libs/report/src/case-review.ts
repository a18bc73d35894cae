/**
 * The lab's review of a case, as the services record it, for the report of a reviewed case:
 * reviewers' classifications and the sign-off/approval with the analysis they cover. The CLI has
 * no reviews, so its outputs never carry one. Dates are ISO strings (the report lib stays pure).
 */
export interface CaseReviewSignoff {
  /** the analysis the sign-off and its approval cover (null: signed off before sign-offs named one) */
  analysis: number | null;
  signedOffBy: string;
  signedOffAt: string;
  approvedBy?: string;
  approvedAt?: string;
}

export interface CaseReviewClassification {
  kind: 'gene' | 'variant';
  /** gene symbol or chr-pos-ref-alt */
  key: string;
  acmgClass?: string;
  tags: string[];
  criteriaChanges: Array<{ criterion: string; action: string; strength?: string }>;
  note?: string;
  /** who wrote it last */
  reviewer: string;
  /** the analysis it was written against */
  analysis?: number;
  updatedAt: string;
}

export interface CaseReview {
  /** open | in_review | awaiting_approval | reported */
  status: string;
  /** the analysis this report renders */
  reportAnalysis: number;
  signoff?: CaseReviewSignoff;
  classifications: CaseReviewClassification[];
}
