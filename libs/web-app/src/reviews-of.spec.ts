import type { Review } from './api-types.js';
import { ownReview, reviewsOf } from './reviews-of.js';

const review = (kind: 'gene' | 'variant', key: string, reviewerId: string, tags: string[] = []): Review => ({ target: { kind, key }, tags, reviewer: reviewerId, reviewerId, updatedAt: '2026-12-06T00:00:00Z' });

describe('reviews of a target', () => {
  const all = [review('gene', 'FBN1', 'u-rita', ['candidate']), review('gene', 'FBN1', 'u-rob', ['causative']), review('variant', 'chr15-48487317-C-A', 'u-rita'), review('gene', 'TGFBR2', 'u-rita')];

  it('lists every reviewer of the gene or variant, whatever the case of the key', () => {
    expect(reviewsOf(all, 'gene', 'fbn1').map((r) => r.reviewerId)).toEqual(['u-rita', 'u-rob']);
    expect(reviewsOf(all, 'variant', 'CHR15-48487317-C-A')).toHaveLength(1);
    expect(reviewsOf(all, 'variant', 'FBN1')).toEqual([]);
  });

  it("finds the caller's own review to edit, not another reviewer's; none for a key without a user", () => {
    expect(ownReview(all, 'gene', 'FBN1', 'u-rob')?.tags).toEqual(['causative']);
    expect(ownReview(all, 'gene', 'TGFBR2', 'u-rob')).toBeUndefined();
    expect(ownReview(all, 'gene', 'FBN1', undefined)).toBeUndefined();
  });
});
