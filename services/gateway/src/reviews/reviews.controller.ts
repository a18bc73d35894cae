import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, UseFilters } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiKeyAuth } from '../auth/api-key-auth.decorator';
import { type Actor, CurrentActor } from '../auth/actor';
import { Roles } from '../auth/roles.decorator';
import { ApiCaseNotFound, ERROR_BODY_SCHEMA, jsonSchemaOf } from '../common/openapi';
import { RefusalAuditFilter } from '../common/refusal-audit.filter';
import { parseOrThrow, ZodPipe } from '../common/zod-validation';
import { type ApproveBody, approveBodySchema, type ReviewBody, reviewBodySchema, geneSymbolSchema, variantKeySchema } from './review-body';
import { reviewStateView, reviewView } from './review-view';
import { ReviewsService } from './reviews.service';

const REVIEW_CONFLICT = 'the case is signed off or reported (reopen it first), or its current analysis has not completed';
const NOT_IN_ANALYSIS = 'the current analysis does not contain this target: `field` names it';
const REVIEW_STATE = '`{id, reviewStatus, signoff}`: the sign-off names the analysis it covers';

@ApiTags('reviews')
@ApiKeyAuth()
@ApiCaseNotFound()
@UseFilters(RefusalAuditFilter)
@Controller('cases')
export class ReviewsController {
  constructor(private readonly service: ReviewsService) {}

  @Put(':id/reviews/genes/:symbol')
  @Roles('reviewer')
  @ApiOperation({ summary: 'Set your review of a gene: tags, ACMG class, criteria changes, note (replaces it)' })
  @ApiBody({ schema: jsonSchemaOf(reviewBodySchema) })
  @ApiOkResponse({ description: 'the review, with the analysis it was written against' })
  @ApiConflictResponse({ description: REVIEW_CONFLICT, schema: ERROR_BODY_SCHEMA })
  @ApiUnprocessableEntityResponse({ description: NOT_IN_ANALYSIS, schema: ERROR_BODY_SCHEMA })
  async reviewGene(@Param('id') id: string, @Param('symbol') symbol: string, @Body(new ZodPipe(reviewBodySchema)) body: ReviewBody, @CurrentActor() actor: Actor) {
    const key = parseOrThrow(geneSymbolSchema, symbol, 'symbol');
    return reviewView(await this.service.upsert(actor, id, { kind: 'gene', key }, body));
  }

  @Put(':id/reviews/variants/:key')
  @Roles('reviewer')
  @ApiOperation({ summary: 'Set your review of a variant (key chrom-pos-ref-alt)' })
  @ApiBody({ schema: jsonSchemaOf(reviewBodySchema) })
  @ApiOkResponse({ description: 'the review, with the analysis it was written against' })
  @ApiConflictResponse({ description: REVIEW_CONFLICT, schema: ERROR_BODY_SCHEMA })
  @ApiUnprocessableEntityResponse({ description: NOT_IN_ANALYSIS, schema: ERROR_BODY_SCHEMA })
  async reviewVariant(@Param('id') id: string, @Param('key') rawKey: string, @Body(new ZodPipe(reviewBodySchema)) body: ReviewBody, @CurrentActor() actor: Actor) {
    const key = parseOrThrow(variantKeySchema, rawKey, 'key');
    return reviewView(await this.service.upsert(actor, id, { kind: 'variant', key }, body));
  }

  @Get(':id/reviews')
  @ApiOperation({ summary: 'Every review of the case' })
  @ApiOkResponse({ description: '`{items}`' })
  async list(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return { items: (await this.service.list(actor, id)).map(reviewView) };
  }

  @Post(':id/sign-off')
  @HttpCode(HttpStatus.OK)
  @Roles('reviewer')
  @ApiOperation({ summary: 'Sign off the review of the current (completed) analysis: the case awaits approval by a second reviewer' })
  @ApiOkResponse({ description: REVIEW_STATE })
  @ApiConflictResponse({ description: 'the case is not open or in review, or its current analysis has not completed', schema: ERROR_BODY_SCHEMA })
  async signoff(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return reviewStateView(await this.service.signoff(actor, id));
  }

  @Post(':id/approve')
  @HttpCode(HttpStatus.OK)
  @Roles('reviewer')
  @ApiOperation({ summary: 'Approve exactly the signed-off analysis (a user who neither signed off nor wrote reviews on the case): reported' })
  @ApiBody({ schema: jsonSchemaOf(approveBodySchema), required: false })
  @ApiOkResponse({ description: REVIEW_STATE })
  @ApiConflictResponse({ description: 'not signed off, the signed-off analysis is not the current completed one, or `analysis` names another', schema: ERROR_BODY_SCHEMA })
  async approve(@Param('id') id: string, @Body(new ZodPipe(approveBodySchema)) body: ApproveBody, @CurrentActor() actor: Actor) {
    return reviewStateView(await this.service.approve(actor, id, body.analysis));
  }

  @Post(':id/reopen')
  @HttpCode(HttpStatus.OK)
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: 'Reopen a signed-off or reported case for review (withdraws the sign-off; the audit log keeps it)' })
  @ApiOkResponse({ description: REVIEW_STATE })
  @ApiConflictResponse({ description: 'the case is not signed off or reported', schema: ERROR_BODY_SCHEMA })
  async reopen(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return reviewStateView(await this.service.reopen(actor, id));
  }
}
