import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';
import { parseOrThrow } from '../common/zod-validation';
import type { UploadedPart } from '../uploads/uploaded-part';
import { caseFormFieldsSchema, phenopacketQuerySchema } from './case-fields';
import { type CasePlan, type PhenopacketSource, type PlanOptions, planCase } from './case-plan';

/** The multipart file fields of POST /cases (MAX_FILES bounds the VCF count). */
export const CASE_UPLOAD_FIELDS = { vcf: { maxCount: Number.MAX_SAFE_INTEGER }, ped: { maxCount: 1 }, phenopacket: { maxCount: 1 } };

function formPlan(body: unknown, query: Record<string, unknown>, uploads: readonly UploadedPart[], opts: PlanOptions): Promise<CasePlan> {
  const [param] = Object.keys(query);
  if (param) throw new BadRequestException({ message: `${param}: a multipart submission takes its choices as form fields, not in the query`, field: param });
  const fields = parseOrThrow(caseFormFieldsSchema, { ...(body as object) });
  const vcfs = uploads.filter((u) => u.field === 'vcf');
  if (vcfs.length === 0) throw new BadRequestException({ message: 'vcf: at least one VCF file is required (or send a Phenopacket as application/json)', field: 'vcf' });
  const packetFile = uploads.find((u) => u.field === 'phenopacket');
  if (packetFile && fields.phenopacket) throw new BadRequestException({ message: 'phenopacket: send it as a file or as text, not both', field: 'phenopacket' });
  const phenopacket: PhenopacketSource | undefined = packetFile ?? (fields.phenopacket ? { text: fields.phenopacket, name: 'phenopacket' } : undefined);
  return planCase(fields, { vcfs, ped: uploads.find((u) => u.field === 'ped'), phenopacket }, opts);
}

function phenopacketPlan(body: unknown, query: unknown, opts: PlanOptions): Promise<CasePlan> {
  const fields = parseOrThrow(phenopacketQuerySchema, { ...(query as object) });
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequestException({ message: 'phenopacket: the JSON body must be a Phenopacket v2 object', field: 'phenopacket' });
  }
  return planCase(fields, { vcfs: [], phenopacket: { json: body, name: 'phenopacket' } }, opts);
}

/** POST /cases: multipart form with files, or a JSON Phenopacket v2 (phenotype only). */
export function planFromRequest(req: Request & { uploads?: UploadedPart[] }, opts: PlanOptions): Promise<CasePlan> {
  if (req.is('multipart/form-data')) return formPlan(req.body, req.query, req.uploads ?? [], opts);
  if (req.is('application/json')) return phenopacketPlan(req.body, req.query, opts);
  throw new UnsupportedMediaTypeException('send multipart/form-data (VCF upload) or application/json (Phenopacket v2)');
}
