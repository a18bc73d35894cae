import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '../auth/api-key-auth.decorator';
import { type Actor, CurrentActor } from '../auth/actor';
import { Roles } from '../auth/roles.decorator';
import { jsonSchemaOf } from '../common/openapi';
import { parseOrThrow, ZodPipe } from '../common/zod-validation';
import { type ReviewBody, reviewBodySchema, geneSymbolSchema, variantKeySchema } from './review-body';
import { reviewStateView, reviewView } from './review-view';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews')
@ApiKeyAuth()
@Controller('cases')
export class ReviewsController {
  constructor(private readonly service: ReviewsService) {}

  @Put(':id/reviews/genes/:symbol')
  @Roles('reviewer')
  @ApiOperation({ summary: 'Set your review of a gene: tags, ACMG class, criteria changes, note (replaces it)' })
  @ApiBody({ schema: jsonSchemaOf(reviewBodySchema) })
  @ApiConflictResponse({ description: 'the case is signed off or reported: reopen it first' })
  async reviewGene(@Param('id') id: string, @Param('symbol') symbol: string, @Body(new ZodPipe(reviewBodySchema)) body: ReviewBody, @CurrentActor() actor: Actor) {
    const key = parseOrThrow(geneSymbolSchema, symbol, 'symbol');
    return reviewView(await this.service.upsert(actor, id, { kind: 'gene', key }, body));
  }

  @Put(':id/reviews/variants/:key')
  @Roles('reviewer')
  @ApiOperation({ summary: 'Set your review of a variant (key chrom-pos-ref-alt)' })
  @ApiBody({ schema: jsonSchemaOf(reviewBodySchema) })
  @ApiConflictResponse({ description: 'the case is signed off or reported: reopen it first' })
  async reviewVariant(@Param('id') id: string, @Param('key') rawKey: string, @Body(new ZodPipe(reviewBodySchema)) body: ReviewBody, @CurrentActor() actor: Actor) {
    const key = parseOrThrow(variantKeySchema, rawKey, 'key');
    return reviewView(await this.service.upsert(actor, id, { kind: 'variant', key }, body));
  }

  @Get(':id/reviews')
  @ApiOperation({ summary: 'Every review of the case' })
  async list(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return { items: (await this.service.list(actor, id)).map(reviewView) };
  }

  @Post(':id/sign-off')
  @HttpCode(HttpStatus.OK)
  @Roles('reviewer')
  @ApiOperation({ summary: 'Sign off the review: the case awaits approval by a second reviewer' })
  async signoff(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return reviewStateView(await this.service.signoff(actor, id));
  }

  @Post(':id/approve')
  @HttpCode(HttpStatus.OK)
  @Roles('reviewer')
  @ApiOperation({ summary: 'Approve a signed-off case (a reviewer who neither signed off nor wrote reviews on it): reported' })
  async approve(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return reviewStateView(await this.service.approve(actor, id));
  }

  @Post(':id/reopen')
  @HttpCode(HttpStatus.OK)
  @Roles('reviewer')
  @ApiOperation({ summary: 'Reopen a signed-off or reported case for review' })
  async reopen(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return reviewStateView(await this.service.reopen(actor, id));
  }
}
