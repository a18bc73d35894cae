import { BadRequestException } from '@nestjs/common';
import type { HpoTermCheck } from './hpo-term-check';

/** A 400 naming `field` (prefixed, e.g. `manifest.3.hpo` in a batch). */
export function badField(field: string, message: string, prefix?: string): BadRequestException {
  const name = prefix ? `${prefix}.${field}` : field;
  return new BadRequestException({ message: `${name}: ${message}`, field: name });
}

export interface TermFields {
  /** the field the observed terms came from (`hpo`, or `phenotypicFeatures` of a phenopacket) */
  observed: string;
  /** the field of the excluded terms */
  excluded: string;
  prefix?: string;
}

/**
 * The phenotype of a submission or a reanalysis, checked the same way for both: at least one
 * observed term, none both observed and excluded, and the terms against the KB's HPO release
 * (`terms`; without it only the syntax, checked earlier, applies).
 */
export async function checkCaseTerms(observed: readonly string[], excluded: readonly string[], fields: TermFields, terms?: HpoTermCheck): Promise<void> {
  if (observed.length === 0) throw badField(fields.observed, 'at least one observed HPO term is required (hpo, or phenotypicFeatures of a phenopacket)', fields.prefix);
  const both = observed.filter((id) => excluded.includes(id));
  if (both.length) throw badField(fields.excluded, `${both.join(', ')} cannot be both observed and excluded`, fields.prefix);
  const named = (f: string) => (fields.prefix ? `${fields.prefix}.${f}` : f);
  await terms?.check(observed, excluded, named(fields.observed), named(fields.excluded));
}
