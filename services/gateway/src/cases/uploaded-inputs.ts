import { open, readFile } from 'node:fs/promises';
import { PayloadTooLargeException } from '@nestjs/common';
import type { Pedigree } from '@rarerank/case-model';
import { type CaseInput, phenopacketFromText } from '@rarerank/engine';
import { InputError } from '@rarerank/io';
import { type Assembly, pedigreeFor, readPed, type Sex, validateVcfs } from '@rarerank/vcf';
import type { UploadedPart } from '../uploads/uploaded-part';

const GZIP_MAGIC = [0x1f, 0x8b];
const VCF_MAGIC = '##fileformat=VCF';

/** Errors from library readers name the temp path; clients must see the name they uploaded. */
function renamed(err: unknown, name: string): unknown {
  return err instanceof InputError ? new InputError(err.reason, { file: name, line: err.line, field: err.field }) : err;
}

/** A Phenopacket v2 given as JSON text (form field) or as an uploaded file → the case's phenotype. */
export async function readPhenopacketInput(source: { text: string; name: string } | UploadedPart, maxBytes: number): Promise<CaseInput> {
  let text: string;
  if ('text' in source) text = source.text;
  else {
    if (source.size > maxBytes) {
      throw new PayloadTooLargeException({ message: `phenopacket: ${source.name} is larger than ${maxBytes} bytes (JSON_BODY_LIMIT)`, field: 'phenopacket' });
    }
    text = await readFile(source.path, 'utf8');
  }
  return phenopacketFromText(text, source.name);
}

/** The PED must parse and list the proband (same checks as the engine, before anything is stored). */
export async function checkPed(ped: UploadedPart, proband: string): Promise<Pedigree> {
  try {
    return pedigreeFor(await readPed(ped.path), proband, ped.name);
  } catch (err) {
    throw renamed(err, ped.name);
  }
}

/** Temp paths in an error's text replaced by the names the client uploaded (a server path never leaves). */
function withUploadNames(err: unknown, files: readonly UploadedPart[]): unknown {
  if (!(err instanceof InputError)) return err;
  let reason = err.reason;
  for (const f of files) reason = reason.split(f.path).join(f.name);
  const file = files.find((f) => f.path === err.file)?.name ?? err.file;
  return new InputError(reason, { file, line: err.line, field: err.field });
}

export interface VcfSetup {
  proband?: string;
  pedigree?: Pedigree;
  sex?: Sex;
  assembly?: Assembly;
  /** the lab asked not to read the VCFs' own annotations: their fields are not checked either */
  ignoreInputAnnotations?: boolean;
}

/**
 * Every line of the VCFs through ingest's own checks (validateVcfs: header, samples, proband/PED,
 * columns, REF/ALT, GT, sort order, contigs, line and gzip limits), keeping nothing: what the
 * ingestion worker would reject is a 400 naming the uploaded file, line and field instead.
 */
export async function checkVcfs(vcfs: readonly UploadedPart[], setup: VcfSetup): Promise<void> {
  for (const vcf of vcfs) await checkVcfHeader(vcf);
  try {
    await validateVcfs({ vcfs: vcfs.map((v) => v.path), proband: setup.proband, pedigree: setup.pedigree, probandSex: setup.sex, assembly: setup.assembly, ignoreInputAnnotations: setup.ignoreInputAnnotations });
  } catch (err) {
    throw withUploadNames(err, vcfs);
  }
}

/** A quick look at the first bytes: plain VCF text or gzip/BGZF (checkVcfs then reads every line). */
export async function checkVcfHeader(vcf: UploadedPart): Promise<void> {
  const handle = await open(vcf.path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(VCF_MAGIC.length), 0, VCF_MAGIC.length, 0);
    const head = buffer.subarray(0, bytesRead);
    if (bytesRead === 0) return; // validateVcfs says "empty"
    if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) return;
    if (head.toString('latin1') === VCF_MAGIC) return;
  } finally {
    await handle.close();
  }
  throw new InputError(`not a VCF: expected a "${VCF_MAGIC}…" header line or a gzip/bgzip file`, { file: vcf.name, line: 1, field: 'vcf' });
}
