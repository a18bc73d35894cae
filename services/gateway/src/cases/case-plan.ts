import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Pedigree } from '@rarerank/case-model';
import type { CaseInputs, FileRole } from '@rarerank/data-access';
import { type CaseInput, phenopacketToCase } from '@rarerank/engine';
import type { UploadedPart } from '../uploads/uploaded-part';
import { badField, checkCaseTerms } from './case-terms';
import type { HpoTermCheck } from './hpo-term-check';
import { checkPed, checkVcfs, readPhenopacketInput } from './uploaded-inputs';

/** The case-level choices of a submission (form fields, a JSON body or one batch manifest entry). */
export interface CaseSpec {
  hpo?: string[];
  excludedHpo?: string[];
  sex?: CaseInputs['sex'];
  proband?: string;
  assembly?: CaseInputs['assembly'];
  excludedTerms?: CaseInputs['excludedTerms'];
  ignoreInputAnnotations?: boolean;
  externalId?: string;
}

export type PhenopacketSource = UploadedPart | { text: string; name: string } | { json: unknown; name: string };

export interface CaseFiles {
  vcfs: UploadedPart[];
  ped?: UploadedPart;
  phenopacket?: PhenopacketSource;
}

/** A file to store for the case, readable as often as needed (a retry re-reads the temp file). */
export interface PlannedFile {
  role: Extract<FileRole, 'vcf' | 'ped' | 'phenopacket'>;
  name: string;
  open(): Readable;
}

/** A validated submission: nothing is stored until every part of it checked out. */
export interface CasePlan {
  inputs: Omit<CaseInputs, 'vcfs' | 'ped' | 'phenopacket'>;
  externalId?: string;
  files: PlannedFile[];
}

export interface PlanOptions {
  maxJsonBytes: number;
  /** prefixes field names in errors (a batch names `manifest.3.hpo`) */
  fieldPrefix?: string;
  /** checks the terms against the KB's HPO release (without it only their syntax is checked) */
  terms?: HpoTermCheck;
}

const union = (a: readonly string[] = [], b: readonly string[] = []) => [...new Set([...a, ...b])];

async function phenopacketCase(source: PhenopacketSource, maxJsonBytes: number): Promise<CaseInput> {
  if ('json' in source) return phenopacketToCase(source.json, source.name);
  return readPhenopacketInput(source, maxJsonBytes);
}

function phenopacketFile(source: PhenopacketSource): PlannedFile {
  if ('path' in source) return { role: 'phenopacket', name: source.name, open: () => createReadStream(source.path) };
  const text = 'text' in source ? source.text : JSON.stringify(source.json);
  return { role: 'phenopacket', name: source.name, open: () => Readable.from([Buffer.from(text, 'utf8')]) };
}

/**
 * Checks one case before anything is stored: HPO ids, the phenopacket (via the engine's reader),
 * at least one observed term, no term both observed and excluded, the terms against the KB's HPO
 * (opts.terms), the PED with its proband, and every line of every VCF (ingest's checks).
 */
export async function planCase(spec: CaseSpec, files: CaseFiles, opts: PlanOptions): Promise<CasePlan> {
  const prefix = opts.fieldPrefix;
  const fromPacket = files.phenopacket ? await phenopacketCase(files.phenopacket, opts.maxJsonBytes) : undefined;
  const observed = union(spec.hpo, fromPacket?.observed);
  const excluded = union(spec.excludedHpo, fromPacket?.excluded);
  // the terms came from the form's hpo field, else from the phenopacket (an empty list is reported as hpo)
  const termsField = spec.hpo?.length || observed.length === 0 ? 'hpo' : 'phenotypicFeatures';
  await checkCaseTerms(observed, excluded, { observed: termsField, excluded: 'excludedHpo', prefix }, opts.terms);
  let pedigree: Pedigree | undefined;
  if (files.ped) {
    if (!spec.proband) throw badField('proband', 'a PED file needs the proband\'s individual id', prefix);
    pedigree = await checkPed(files.ped, spec.proband);
  }
  const sex = spec.sex ?? fromPacket?.sex ?? 'UNKNOWN';
  if (files.vcfs.length) await checkVcfs(files.vcfs, { proband: spec.proband, pedigree, sex, assembly: spec.assembly, ignoreInputAnnotations: spec.ignoreInputAnnotations === true });
  return {
    inputs: {
      observed,
      excluded,
      sex,
      ...(fromPacket?.ageYears !== undefined ? { ageYears: fromPacket.ageYears } : {}),
      ...(spec.proband ? { proband: spec.proband } : {}),
      ...(spec.assembly ? { assembly: spec.assembly } : {}),
      ...(spec.excludedTerms ? { excludedTerms: spec.excludedTerms } : {}),
      ...(spec.ignoreInputAnnotations ? { ignoreInputAnnotations: true } : {}),
    },
    ...(spec.externalId ? { externalId: spec.externalId } : {}),
    files: [
      ...files.vcfs.map((v): PlannedFile => ({ role: 'vcf', name: v.name, open: () => createReadStream(v.path) })),
      ...(files.ped ? [{ role: 'ped', name: files.ped.name, open: () => createReadStream(files.ped!.path) } satisfies PlannedFile] : []),
      ...(files.phenopacket ? [phenopacketFile(files.phenopacket)] : []),
    ],
  };
}
