import type { Review } from './api-types.js';

/** The reviews of one gene (symbol) or variant (chr-pos-ref-alt); keys compare case-insensitively as the API stores them. */
export function reviewsOf(reviews: readonly Review[], kind: 'gene' | 'variant', key: string): Review[] {
  return reviews.filter((r) => r.target.kind === kind && r.target.key.toUpperCase() === key.toUpperCase());
}

/**
 * The caller's own review of a target, to fill the form with: a PUT replaces the whole review, so
 * editing must start from what is stored. None without a user id (a legacy key cannot review).
 */
export function ownReview(reviews: readonly Review[], kind: 'gene' | 'variant', key: string, userId: string | undefined): Review | undefined {
  if (!userId) return undefined;
  return reviewsOf(reviews, kind, key).find((r) => r.reviewerId === userId);
}
