import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Req, UnsupportedMediaTypeException, UseFilters } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { APP_CONFIG } from '@rarerank/nest-common';
import type { Request } from 'express';
import { ApiKeyAuth } from '../auth/api-key-auth.decorator';
import { type Actor, CurrentActor } from '../auth/actor';
import { Roles } from '../auth/roles.decorator';
import { RefusalAuditFilter } from '../common/refusal-audit.filter';
import { ERROR_BODY_SCHEMA, jsonSchemaOf } from '../common/openapi';
import type { GatewayConfig } from '../config';
import { AcceptUploads } from '../uploads/upload.interceptor';
import type { RequestWithUploads } from '../uploads/uploaded-part';
import { batchManifestSchema } from './batch-manifest';
import { BatchesService } from './batches.service';

@ApiTags('batches')
@ApiKeyAuth()
@Roles('submitter', 'admin')
@Controller('batches')
@UseFilters(RefusalAuditFilter)
export class BatchesController {
  constructor(
    private readonly service: BatchesService,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @AcceptUploads()
  @ApiOperation({ summary: 'Submit several cases at once: all are validated first, then all are created or none' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['manifest'],
      properties: {
        manifest: { ...jsonSchemaOf(batchManifestSchema), description: 'JSON array of case specs (as a text field or a file); files are named by their upload names' },
        files: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'the VCF, PED and phenopacket files the manifest names (any field name)' },
      },
    },
  })
  @ApiAcceptedResponse({ description: '`{id, cases: [{id, status}]}`' })
  @ApiPayloadTooLargeResponse({ description: 'a file over MAX_UPLOAD_BYTES, a request over MAX_REQUEST_BYTES, more than MAX_FILES files, or a manifest over JSON_BODY_LIMIT' })
  @ApiUnsupportedMediaTypeResponse({ description: 'not multipart/form-data', schema: ERROR_BODY_SCHEMA })
  async submit(@Req() req: Request & RequestWithUploads, @CurrentActor() actor: Actor) {
    if (!req.is('multipart/form-data')) throw new UnsupportedMediaTypeException('send multipart/form-data: a manifest field and the files it names');
    const plans = await this.service.plan({ ...(req.body as Record<string, unknown>) }, req.uploads ?? [], this.config.JSON_BODY_LIMIT);
    const { batch, cases } = await this.service.submit(actor, plans);
    return { id: batch.id, cases: cases.map((c) => ({ id: c.id, status: c.status })) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A batch: how many of its cases are in each status' })
  @ApiOkResponse({ description: 'the batch and its cases\' statuses' })
  @ApiNotFoundResponse({ description: 'no such batch in your lab', schema: ERROR_BODY_SCHEMA })
  async get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.service.status(actor, id);
  }
}
