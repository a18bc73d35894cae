import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Req, UseFilters } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { CaseRepository } from '@rarerank/data-access';
import { APP_CONFIG } from '@rarerank/nest-common';
import type { Request } from 'express';
import { ApiKeyAuth } from '../auth/api-key-auth.decorator';
import { type Actor, CurrentActor } from '../auth/actor';
import { Roles } from '../auth/roles.decorator';
import { CaseLookup } from '../common/case-lookup';
import { ApiCaseNotFound, ApiQueryFrom, ERROR_BODY_SCHEMA, jsonSchemaOf } from '../common/openapi';
import { RefusalAuditFilter } from '../common/refusal-audit.filter';
import { ZodPipe } from '../common/zod-validation';
import type { GatewayConfig } from '../config';
import { AcceptUploads } from '../uploads/upload.interceptor';
import type { RequestWithUploads } from '../uploads/uploaded-part';
import { CASE_UPLOAD_FIELDS, planFromRequest } from './case-plan-readers';
import { type CaseListQuery, caseListQuerySchema, reanalyzeBodySchema } from './case-queries';
import { CaseSubmissionService } from './case-submission.service';
import { caseDetailView, caseSummaryView } from './case-view';
import { ReanalysisService, type ReanalyzeRequest } from './reanalysis.service';
import { phenopacketQuerySchema } from './case-fields';
import { caseFormOpenApi } from './cases.openapi';
import { HpoTermCheck } from './hpo-term-check';

@ApiTags('cases')
@ApiKeyAuth()
@UseFilters(RefusalAuditFilter)
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CaseRepository,
    private readonly lookup: CaseLookup,
    private readonly submission: CaseSubmissionService,
    private readonly reanalysis: ReanalysisService,
    private readonly terms: HpoTermCheck,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles('submitter', 'admin')
  @AcceptUploads(CASE_UPLOAD_FIELDS)
  @ApiOperation({ summary: 'Submit a case: VCF upload (multipart) or a Phenopacket v2 (JSON, phenotype only)' })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody(caseFormOpenApi)
  @ApiQueryFrom(phenopacketQuerySchema)
  @ApiAcceptedResponse({ description: 'stored and queued: `{id, status}`' })
  @ApiPayloadTooLargeResponse({ description: 'a file over MAX_UPLOAD_BYTES, a request over MAX_REQUEST_BYTES, more than MAX_FILES files, or JSON over JSON_BODY_LIMIT' })
  @ApiUnsupportedMediaTypeResponse({ description: 'neither multipart/form-data nor application/json', schema: ERROR_BODY_SCHEMA })
  async submit(@Req() req: Request & RequestWithUploads, @CurrentActor() actor: Actor) {
    const plan = await planFromRequest(req, { maxJsonBytes: this.config.JSON_BODY_LIMIT, terms: this.terms });
    const created = await this.submission.submit(actor, plan);
    return { id: created.id, status: created.status };
  }

  @Get()
  @ApiOperation({ summary: 'The lab\'s cases, newest first' })
  @ApiQueryFrom(caseListQuerySchema)
  @ApiOkResponse({ description: '`{items, total, page, pageSize}`' })
  async list(@Query(new ZodPipe(caseListQuerySchema)) query: CaseListQuery, @CurrentActor() actor: Actor) {
    const page = await this.cases.list(actor.labId, query);
    return { ...page, items: page.items.map(caseSummaryView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status, progress (chunks done/total), warnings, timings and analyses of a case' })
  @ApiOkResponse({ description: 'the case, with reviewStatus and the sign-off (naming the analysis it covers)' })
  @ApiCaseNotFound()
  async get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return caseDetailView(await this.lookup.get(actor, id));
  }

  @Post(':id/reanalyze')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles('submitter', 'reviewer', 'admin')
  @ApiOperation({
    summary: 'Add an analysis with new HPO terms and/or the current KB; only the stages it needs run',
    description: 'hpoMode (required with hpo or excludedHpo): replace — each list given replaces the current one; add — its terms are added. A pending sign-off is withdrawn; a reported case must be reopened first.',
  })
  @ApiBody({ schema: jsonSchemaOf(reanalyzeBodySchema) })
  @ApiAcceptedResponse({ description: '`{analysis}`: the new analysis number' })
  @ApiCaseNotFound()
  @ApiConflictResponse({ description: 'the current analysis is still running, or the case is reported (reopen it first)', schema: ERROR_BODY_SCHEMA })
  async reanalyze(@Param('id') id: string, @Body(new ZodPipe(reanalyzeBodySchema)) body: ReanalyzeRequest, @CurrentActor() actor: Actor) {
    return { analysis: await this.reanalysis.reanalyze(actor, id, body) };
  }
}
