import { type ArgumentsHost, Catch, HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { AuditRepository, CaseRepository } from '@rarerank/data-access';
import { AllExceptionsFilter } from '@rarerank/nest-common';
import type { Request } from 'express';
import { auditActor, type RequestWithActor } from '../auth/actor';
import { CASE_ID } from '../cases/case-queries';

/** The statuses of an attempt the caller was not allowed to make, or not in this state. */
const REFUSALS: readonly number[] = [HttpStatus.FORBIDDEN, HttpStatus.CONFLICT];

/**
 * A refused attempt (403 role or four-eyes, 409 state) of an authenticated caller is written to
 * the audit log as `request.refused` {status, route, reason}: under the case when the route names
 * a case of the caller's lab, else as a lab-level entry (keys, users, batches); then the answer is
 * the global filter's. Unauthenticated calls (401) leave no entry.
 */
@Injectable()
@Catch()
export class RefusalAuditFilter extends AllExceptionsFilter {
  private readonly log = new Logger(RefusalAuditFilter.name);

  constructor(
    private readonly audit: AuditRepository,
    private readonly cases: CaseRepository,
  ) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    const status = exception instanceof HttpException ? exception.getStatus() : undefined;
    if (host.getType() !== 'http' || status === undefined || !REFUSALS.includes(status)) return super.catch(exception, host);
    const req = host.switchToHttp().getRequest<Request & RequestWithActor>();
    void this.record(req, status, (exception as HttpException).message).finally(() => super.catch(exception, host));
  }

  private async record(req: Request & RequestWithActor, status: number, reason: string): Promise<void> {
    const { actor } = req;
    if (!actor) return;
    try {
      const id = req.params?.id;
      const ownCase = typeof id === 'string' && CASE_ID.test(id) && (await this.cases.findForLab(actor.labId, id)) ? id : undefined;
      const route = `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? req.path}`;
      await this.audit.append({ labId: actor.labId, ...(ownCase && { caseId: ownCase }), actor: auditActor(actor), action: 'request.refused', detail: { status, route, reason } });
    } catch (err) {
      this.log.warn(`could not audit a refused request: ${(err as Error).message}`);
    }
  }
}
