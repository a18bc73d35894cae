/**
 * Log paths that pino replaces with "[redacted]". Genotypes, sample and patient identifiers and
 * uploaded files must never reach the logs, whichever object they were logged under; credentials
 * neither. pino's `*` matches one level, so sensitive keys are listed at the top level and one and
 * two levels deep.
 */
const SENSITIVE_KEYS = [
  'genotype',
  'genotypes',
  'gt',
  'sampleId',
  'sampleIds',
  'samples',
  'subject',
  'subjectId',
  'patient',
  'patientId',
  'proband',
  'individualId',
  'phenopacket',
  'vcf',
  'vcfPath',
  'hpoTerms',
  'phenotypes',
  'password',
] as const;

export const REDACT_PATHS: readonly string[] = [
  // Request bodies carry cases (VCF, phenotypes); headers carry credentials.
  'req.body',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

export const REDACT_CENSOR = '[redacted]';
