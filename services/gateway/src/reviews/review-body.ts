import type { AcmgClass, AcmgStrength } from '@rarerank/case-model';
import { ACMG_CRITERIA, STRENGTH_POINTS } from '@rarerank/ranking';
import { z } from 'zod';

export const REVIEW_TAGS = ['candidate', 'causative', 'VUS-follow-up', 'incidental', 'excluded'] as const;
export const ACMG_CLASSES = ['pathogenic', 'likely_pathogenic', 'uncertain_significance', 'likely_benign', 'benign'] as const satisfies readonly AcmgClass[];
const STRENGTHS = Object.keys(STRENGTH_POINTS) as [AcmgStrength, ...AcmgStrength[]];
export const MAX_NOTE_LENGTH = 5_000;

const criterionChange = z
  .object({
    criterion: z.enum(ACMG_CRITERIA as [string, ...string[]], { error: 'must be an ACMG/AMP criterion such as PVS1, PM2 or BP4' }),
    action: z.enum(['add', 'remove', 'strength'], { error: 'must be add, remove or strength' }),
    strength: z.enum(STRENGTHS, { error: `must be one of ${STRENGTHS.join(', ')}` }).optional(),
  })
  .strict()
  .refine((c) => c.action !== 'strength' || c.strength !== undefined, { error: 'is required when action is strength', path: ['strength'] })
  .refine((c) => c.action !== 'remove' || c.strength === undefined, { error: 'must not be given when action is remove', path: ['strength'] });

/**
 * PUT /cases/:id/reviews/{genes|variants}/:key — replaces the caller's view of that target:
 * fields left out are cleared.
 */
export const reviewBodySchema = z
  .object({
    tags: z
      .array(z.enum(REVIEW_TAGS, { error: `must be one of ${REVIEW_TAGS.join(', ')}` }))
      .refine((tags) => new Set(tags).size === tags.length, { error: 'must not repeat a tag' })
      .default([]),
    acmgClass: z.enum(ACMG_CLASSES, { error: `must be one of ${ACMG_CLASSES.join(', ')}` }).optional(),
    criteriaChanges: z
      .array(criterionChange)
      .refine((changes) => new Set(changes.map((c) => c.criterion)).size === changes.length, { error: 'must change each criterion at most once' })
      .default([]),
    note: z.string().max(MAX_NOTE_LENGTH, { error: `must be at most ${MAX_NOTE_LENGTH} characters` }).optional(),
  })
  .strict();

export type ReviewBody = z.infer<typeof reviewBodySchema>;

/** Gene symbols as HGNC writes them (C1orf112, HLA-DRB1, MT-ND1). */
export const geneSymbolSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { error: 'must be a gene symbol such as SCN1A' });
/** `chr-pos-ref-alt`, e.g. chr2-166848646-G-A */
export const variantKeySchema = z.string().regex(/^[A-Za-z0-9_.]{1,40}-[1-9]\d{0,9}-[ACGTN]+-[ACGTN*]+$/i, { error: 'must be chrom-pos-ref-alt, e.g. chr2-166848646-G-A' });

/** POST /cases/:id/approve: optionally the analysis the approver read (it must be the signed-off one). */
export const approveBodySchema = z.preprocess(
  (body) => body ?? {},
  z.object({ analysis: z.number({ error: 'must be an analysis number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).optional() }).strict(),
);

export type ApproveBody = z.infer<typeof approveBodySchema>;
