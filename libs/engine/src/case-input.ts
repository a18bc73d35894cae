import path from 'node:path';
import { z } from 'zod';
import { excerpt, InputError, readLines, readText } from '@rarerank/io';
import type { ExcludedTermsModel } from '@rarerank/phenotype';

/** What the engine needs to know about one case, from a phenopacket or from command-line options. */
export interface CaseInput {
  caseId: string;
  observed: string[];
  excluded: string[];
  sex: 'MALE' | 'FEMALE' | 'UNKNOWN';
  ageYears?: number;
  vcfs: string[];
  ped?: string;
  proband?: string;
  assembly?: 'GRCh37' | 'GRCh38';
  /** what the excluded terms do (default 'ignored': shown, no effect; 'absent' can only lower the diseases that have them; 'pertinent' is the opt-in case-report model) */
  excludedTerms?: ExcludedTermsModel;
  /** per case: do not read the VCFs' own annotations (else EngineOptions.ignoreInputAnnotations) */
  ignoreInputAnnotations?: boolean;
}

const HPO_ID = /^HP:\d{7}$/;
const ontologyClass = z.object({ id: z.string(), label: z.string().optional() });
const phenopacketSchema = z.object({
  id: z.string().min(1),
  subject: z
    .object({
      id: z.string().optional(),
      sex: z.enum(['UNKNOWN_SEX', 'FEMALE', 'MALE', 'OTHER_SEX']).optional(),
      timeAtLastEncounter: z.object({ age: z.object({ iso8601duration: z.string() }).optional() }).passthrough().optional(),
    })
    .passthrough()
    .optional(),
  phenotypicFeatures: z.array(z.object({ type: ontologyClass, excluded: z.boolean().optional() }).passthrough()).optional(),
}).passthrough();

/** ISO 8601 duration (P14Y6M, P3M, P10D, P1Y2M3W…) → years; undefined when unparseable. */
export function isoDurationYears(text: string): number | undefined {
  const m = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T.*)?$/.exec(text);
  if (!m || text === 'P') return undefined;
  const [y, mo, w, d] = m.slice(1, 5).map((v) => (v ? Number(v) : 0));
  return y + mo / 12 + w / 52.1775 + d / 365.25;
}

/**
 * The 1-based line of a JSON.parse error. V8 reports either "at position N" or a short excerpt
 * around the offending token ("…", "is not valid JSON"); the excerpt is found in the text.
 */
function jsonLineOf(text: string, message: string): number | undefined {
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const pos = /position (\d+)/.exec(message)?.[1];
  if (pos !== undefined) return lineAt(Number(pos));
  if (/Unexpected end of JSON input/.test(message)) return text.trimEnd().split('\n').length;
  // V8: Unexpected token 'X', ..."<excerpt>"... is not valid JSON (dots where the excerpt was cut)
  const m = /Unexpected token '(.)', (\.\.\.)?"(.*)"(?:\.\.\.)? is not valid JSON/s.exec(message);
  if (!m) return undefined;
  const core = m[3];
  const at = text.indexOf(core);
  if (at < 0) return undefined;
  // a cut excerpt holds 10 characters before the offending token
  const tokenAt = core.indexOf(m[1], m[2] ? Math.min(10, core.length - 1) : 0);
  return lineAt(at + Math.max(tokenAt, 0));
}

/**
 * Reads a GA4GH Phenopacket v2 JSON file (plain or gzip, within INPUT_TEXT_LIMITS); the truth
 * (interpretations, diseases) is ignored.
 */
export async function readPhenopacket(file: string): Promise<CaseInput> {
  return phenopacketFromText(await readText(file), file);
}

/** A Phenopacket v2 as JSON text (a file's content or an upload) → the case input; errors name `file` and the JSON line. */
export function phenopacketFromText(text: string, file: string): CaseInput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`invalid JSON: ${(e as Error).message}`, { file, line: jsonLineOf(text, (e as Error).message) });
  }
  return phenopacketToCase(json, file);
}

/** A parsed Phenopacket v2 document → the case input; `file` names it in errors. */
export function phenopacketToCase(json: unknown, file: string): CaseInput {
  const parsed = phenopacketSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`not a valid Phenopacket v2: ${issue.message}`, { file, field: issue.path.join('.') || '(document)' });
  }
  const pp = parsed.data;
  const features = pp.phenotypicFeatures ?? [];
  features.forEach((f, i) => {
    if (!HPO_ID.test(f.type.id)) throw new InputError(`"${excerpt(f.type.id)}" is not an HPO id (HP:0000000)`, { file, field: `phenotypicFeatures[${i}].type.id` });
  });
  const observed = features.filter((f) => !f.excluded).map((f) => f.type.id);
  if (observed.length === 0) {
    throw new InputError('the phenopacket has no observed phenotypic features: RareRank needs at least one observed HPO term', { file, field: 'phenotypicFeatures' });
  }
  const sex = pp.subject?.sex === 'MALE' || pp.subject?.sex === 'FEMALE' ? pp.subject.sex : 'UNKNOWN';
  const age = pp.subject?.timeAtLastEncounter?.age?.iso8601duration;
  return {
    caseId: pp.id,
    observed,
    excluded: features.filter((f) => f.excluded).map((f) => f.type.id),
    sex,
    ageYears: age ? isoDurationYears(age) : undefined,
    vcfs: [],
  };
}

/** `--hpo HP:1,HP:2` style lists; each id checked. */
export function parseHpoList(value: string, option: string): string[] {
  const ids = value.split(/[,\s]+/).filter(Boolean);
  for (const id of ids) if (!HPO_ID.test(id)) throw new InputError(`"${excerpt(id)}" is not an HPO id (HP:0000000)`, { file: option });
  return ids;
}

/** A case id safe to use as a folder name (batch output writes <out>/<caseId>/). */
export function safeCaseId(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/\.{2,}/g, '_').replace(/_+/g, '_').replace(/^\./, '_').slice(0, 120);
  return cleaned || 'case';
}

/** Batch manifest: `phenopacket<TAB>vcf[,vcf…]` per line, paths relative to the manifest; '#' comments. */
export async function readBatchManifest(file: string): Promise<Array<{ line: number; phenopacket: string; vcfs: string[] }>> {
  const base = path.dirname(path.resolve(file));
  const rows: Array<{ line: number; phenopacket: string; vcfs: string[] }> = [];
  for await (const { no, text: raw } of readLines(file)) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const cols = raw.split('\t');
    if (cols.length > 2) throw new InputError(`expected "phenopacket<TAB>vcf[,vcf…]", found ${cols.length} columns`, { file, line: no });
    const vcfs = (cols[1] ?? '').split(',').map((v) => v.trim()).filter(Boolean).map((v) => path.resolve(base, v));
    rows.push({ line: no, phenopacket: path.resolve(base, cols[0].trim()), vcfs });
  }
  if (!rows.length) throw new InputError('the manifest lists no cases', { file });
  return rows;
}
