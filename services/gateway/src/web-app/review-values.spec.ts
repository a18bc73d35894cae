import { ACMG_CLASSES as APP_ACMG_CLASSES, REVIEW_TAGS as APP_REVIEW_TAGS } from '../../../../libs/web-app/src/review-values';
import { ACMG_CLASSES, REVIEW_TAGS } from '../reviews/review-body';

// the web app cannot import the gateway's zod schemas (browser build), so it keeps its own lists
it('the web app offers exactly the review tags and ACMG classes the review routes accept', () => {
  expect([...APP_REVIEW_TAGS]).toEqual([...REVIEW_TAGS]);
  expect([...APP_ACMG_CLASSES]).toEqual([...ACMG_CLASSES]);
});
