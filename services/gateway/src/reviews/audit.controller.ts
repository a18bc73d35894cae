import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditRepository } from '@rarerank/data-access';
import { ApiKeyAuth } from '../auth/api-key-auth.decorator';
import { type Actor, CurrentActor } from '../auth/actor';
import { CaseLookup } from '../common/case-lookup';
import { ApiCaseNotFound, ApiQueryFrom } from '../common/openapi';
import { type PageQuery, paginationQuerySchema } from '../common/pagination';
import { ZodPipe } from '../common/zod-validation';

const auditQuerySchema = paginationQuerySchema.strict();

@ApiTags('audit')
@ApiKeyAuth()
@ApiCaseNotFound()
@Controller('cases')
export class AuditController {
  constructor(
    private readonly lookup: CaseLookup,
    private readonly audit: AuditRepository,
  ) {}

  @Get(':id/audit')
  @ApiOperation({ summary: 'The case\'s audit log (append-only), oldest first' })
  @ApiQueryFrom(auditQuerySchema)
  @ApiOkResponse({ description: 'one page of entries, with refused attempts (`request.refused`) among them' })
  async list(@Param('id') id: string, @Query(new ZodPipe(auditQuerySchema)) query: PageQuery, @CurrentActor() actor: Actor) {
    await this.lookup.get(actor, id);
    const page = await this.audit.list(actor.labId, id, query);
    return { ...page, items: page.items.map(({ labId: _lab, ...entry }) => entry) };
  }
}
