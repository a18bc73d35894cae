import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { parseOrThrow } from '../common/zod-validation';
import { sanitizeUploadName } from '../uploads/upload-name';
import type { UploadedPart } from '../uploads/uploaded-part';
import { assemblySchema, excludedTermsSchema, externalIdSchema, hpoListSchema, probandSchema, sexSchema } from '../cases/case-fields';
import type { CaseFiles, CaseSpec } from '../cases/case-plan';

export const MAX_BATCH_CASES = 500;

const fileName = z.string({ error: 'must be the name of an uploaded file' }).min(1, { error: 'must be the name of an uploaded file' });

/** One case of a batch manifest; files are named by their upload file names. */
export const batchCaseSpecSchema = z
  .object({
    externalId: externalIdSchema.optional(),
    hpo: hpoListSchema.optional(),
    excludedHpo: hpoListSchema.optional(),
    /** an uploaded file's name, or the Phenopacket v2 itself */
    phenopacket: z.union([fileName, z.record(z.string(), z.unknown())], { error: 'must be an uploaded file name or a Phenopacket object' }).optional(),
    vcfs: z.array(fileName).default([]),
    ped: fileName.optional(),
    proband: probandSchema.optional(),
    sex: sexSchema.optional(),
    assembly: assemblySchema.optional(),
    /** what the case's excluded terms do, as on POST /cases ('ignored' when left out) */
    excludedTerms: excludedTermsSchema.optional(),
    /** true: the case's VCFs' own annotations are neither checked nor read, as on POST /cases */
    ignoreInputAnnotations: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .strict();

export const batchManifestSchema = z
  .array(batchCaseSpecSchema, { error: 'must be a JSON array of case specs' })
  .min(1, { error: 'must list at least one case' })
  .max(MAX_BATCH_CASES, { error: `must list at most ${MAX_BATCH_CASES} cases` });

export type BatchCaseSpec = z.infer<typeof batchCaseSpecSchema>;

export interface ResolvedBatchCase {
  spec: CaseSpec;
  files: CaseFiles;
  fieldPrefix: string;
}

const bad = (field: string, message: string) => new BadRequestException({ message: `${field}: ${message}`, field });

/** Parses the manifest text: JSON, then the schema (errors name `manifest.<i>.<field>`). */
export function parseBatchManifest(text: string): BatchCaseSpec[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw bad('manifest', `invalid JSON: ${(e as Error).message}`);
  }
  return parseOrThrow(batchManifestSchema, json, 'manifest');
}

/**
 * Pairs each manifest entry with its uploaded files by (sanitized) name. Every named file must be
 * uploaded, and every upload named: a stray or missing file is a 400 before anything is stored.
 */
export function resolveBatch(specs: readonly BatchCaseSpec[], uploads: readonly UploadedPart[]): ResolvedBatchCase[] {
  const byName = new Map<string, UploadedPart>();
  for (const u of uploads) {
    if (byName.has(u.name)) throw bad('files', `two uploaded files are named ${u.name}: names must be unique within a batch`);
    byName.set(u.name, u);
  }
  const used = new Set<string>();
  const pick = (name: string, field: string): UploadedPart => {
    const safe = sanitizeUploadName(name);
    const part = safe === undefined ? undefined : byName.get(safe);
    if (!part) throw bad(field, `no uploaded file is named ${safe ?? '(unusable name)'}`);
    used.add(part.name);
    return part;
  };
  const resolved = specs.map((s, i): ResolvedBatchCase => {
    const at = `manifest.${i}`;
    const { vcfs, ped, phenopacket, ...spec } = s;
    const files: CaseFiles = { vcfs: vcfs.map((v, j) => pick(v, `${at}.vcfs.${j}`)) };
    if (ped) files.ped = pick(ped, `${at}.ped`);
    if (typeof phenopacket === 'string') files.phenopacket = pick(phenopacket, `${at}.phenopacket`);
    else if (phenopacket) files.phenopacket = { json: phenopacket, name: `${at}.phenopacket` };
    return { spec, files, fieldPrefix: at };
  });
  const stray = [...byName.keys()].filter((n) => !used.has(n));
  if (stray.length) throw bad('files', `not named by the manifest: ${stray.join(', ')}`);
  return resolved;
}
