import { z } from 'zod';

const HPO_ID = /^HP:\d{7}$/;
export const HPO_ID_MESSAGE = 'is not an HPO id (HP:0000000)';

/** `HP:1,HP:2` (form field) or ["HP:1", "HP:2"] (JSON): each id checked, duplicates dropped. */
export const hpoListSchema = z
  .union([z.string(), z.array(z.string())], { error: 'must be a comma-separated list or an array of HPO ids' })
  .transform((v) => (Array.isArray(v) ? v : v.split(/[,\s]+/)).map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(HPO_ID, { error: (issue) => `"${String(issue.input)}" ${HPO_ID_MESSAGE}` })))
  .transform((ids) => [...new Set(ids)]);

export const SEXES = ['MALE', 'FEMALE', 'UNKNOWN'] as const;
export const ASSEMBLIES = ['GRCh37', 'GRCh38'] as const;

export const sexSchema = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(z.enum(SEXES, { error: 'must be MALE, FEMALE or UNKNOWN' }));

export const assemblySchema = z.enum(ASSEMBLIES, { error: 'must be GRCh37 or GRCh38' });

/** What the case's excluded terms do (libs/phenotype excludedTerms): 'ignored' (default), 'absent', or the opt-in pertinent-negative model. */
export const EXCLUDED_TERMS = ['ignored', 'absent', 'pertinent'] as const;
export const excludedTermsSchema = z.enum(EXCLUDED_TERMS, {
  error: 'must be ignored (default: recorded, shown, no effect), absent (a feature the patient lacks lowers the diseases that usually have it) or pertinent (opt-in pertinent-negative model: it raises them)',
});

/** A yes/no form field: `true`/`false` (form text) or a JSON boolean. */
export const flagSchema = z
  .union([z.boolean(), z.enum(['true', 'false'])], { error: 'must be true or false' })
  .transform((v) => v === true || v === 'true');

/** Free text kept as an identifier: one line, printable, bounded. */
const identifier = (max: number) =>
  z
    .string()
    .max(max, { error: `must be at most ${max} characters` })
    .regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'must not contain control characters' });

/** The proband's sample name in the VCF/PED. */
export const probandSchema = identifier(200);
/** The lab's own reference for the case (stored, never logged). */
export const externalIdSchema = identifier(200);

/** An empty form field means "not given". */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Text fields of a multipart POST /cases (files are checked separately). */
export const caseFormFieldsSchema = z
  .object({
    hpo: optional(hpoListSchema),
    excludedHpo: optional(hpoListSchema),
    sex: optional(sexSchema),
    proband: optional(probandSchema),
    assembly: optional(assemblySchema),
    excludedTerms: optional(excludedTermsSchema),
    ignoreInputAnnotations: optional(flagSchema),
    externalId: optional(externalIdSchema),
    /** a Phenopacket v2 as JSON text (or upload it as a file in the same field) */
    phenopacket: optional(z.string()),
  })
  .strict();

export type CaseFormFields = z.infer<typeof caseFormFieldsSchema>;

/**
 * Query of a POST /cases whose body is a Phenopacket v2 (application/json): the case-level choices
 * a Phenopacket has no field for. The body stays a plain Phenopacket.
 */
export const phenopacketQuerySchema = z.object({ excludedTerms: optional(excludedTermsSchema) }).strict();
