import { Injectable, NotFoundException } from '@nestjs/common';
import { type CaseDoc, CaseRepository } from '@rarerank/data-access';
import type { Actor } from '../auth/actor';
import { CASE_ID } from '../cases/case-queries';

/** The one 404 for a case that does not exist or belongs to another lab: same status, same body. */
export function caseNotFound(id: string): NotFoundException {
  return new NotFoundException(`case ${id} not found`);
}

/** Loads a case of the caller's lab, or 404. */
@Injectable()
export class CaseLookup {
  constructor(private readonly cases: CaseRepository) {}

  async get(actor: Actor, id: string): Promise<CaseDoc> {
    const found = CASE_ID.test(id) ? await this.cases.findForLab(actor.labId, id) : null;
    if (!found) throw caseNotFound(id);
    return found;
  }
}
