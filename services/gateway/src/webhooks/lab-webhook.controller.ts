import { randomBytes } from 'node:crypto';
import { BadRequestException, Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, NotFoundException, Put, UseFilters } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditRepository, LabRepository } from '@rarerank/data-access';
import { APP_CONFIG } from '@rarerank/nest-common';
import { ApiKeyAuth } from '../auth/api-key-auth.decorator';
import { type Actor, auditActor, CurrentActor } from '../auth/actor';
import { Roles } from '../auth/roles.decorator';
import { RefusalAuditFilter } from '../common/refusal-audit.filter';
import { ERROR_BODY_SCHEMA, jsonSchemaOf } from '../common/openapi';
import { ZodPipe } from '../common/zod-validation';
import { type GatewayConfig, webhookPolicy } from '../config';
import type { WebhookAddressPolicy } from './webhook-address';
import { type SetWebhookBody, setWebhookBodySchema } from './webhook-body';
import { webhookUrlProblem } from './webhook-target';

/** The audit log keeps where events go (scheme, host, port), not a path or query that may hold a token. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(not a URL)';
  }
}

/** A lab admin manages the lab's webhook; every change, and every refused URL, is audited. */
@ApiTags('webhook')
@ApiKeyAuth()
@Roles('admin')
@Controller('lab/webhook')
@UseFilters(RefusalAuditFilter)
export class LabWebhookController {
  private readonly policy: WebhookAddressPolicy;

  constructor(
    private readonly labs: LabRepository,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) config: GatewayConfig,
  ) {
    this.policy = webhookPolicy(config);
  }

  @Get()
  @ApiOperation({ summary: 'Where your lab\'s stage events are POSTed (never the secret)' })
  @ApiOkResponse({ description: '`{url, secretSet: true}`' })
  @ApiNotFoundResponse({ description: 'your lab has no webhook', schema: ERROR_BODY_SCHEMA })
  async get(@CurrentActor() actor: Actor) {
    const lab = await this.labs.get(actor.labId);
    if (!lab?.webhookUrl) throw new NotFoundException('your lab has no webhook');
    return { url: lab.webhookUrl, secretSet: Boolean(lab.webhookSecret) };
  }

  @Put()
  @ApiOperation({
    summary: 'Set or replace your lab\'s webhook',
    description:
      'http(s) only; loopback, link-local, private, unique-local, unspecified and multicast addresses (also behind a host name) are refused unless the operator allows them (WEBHOOK_ALLOW_PRIVATE, WEBHOOK_ALLOWED_NETWORKS). Without a `secret`, one is generated and shown in this answer only.',
  })
  @ApiBody({ schema: jsonSchemaOf(setWebhookBodySchema) })
  @ApiOkResponse({ description: '`{url, secretSet: true}`, plus `secret` when the gateway generated it (shown once)' })
  @ApiNotFoundResponse({ description: 'your lab no longer exists', schema: ERROR_BODY_SCHEMA })
  async set(@Body(new ZodPipe(setWebhookBodySchema)) body: SetWebhookBody, @CurrentActor() actor: Actor) {
    const problem = await webhookUrlProblem(body.url, this.policy);
    if (problem) {
      await this.audit.append({ labId: actor.labId, actor: auditActor(actor), action: 'webhook.refused', target: actor.labId, detail: { reason: problem.slice(0, 300) } });
      throw new BadRequestException({ message: `url: ${problem}`, field: 'url' });
    }
    const secret = body.secret ?? randomBytes(32).toString('base64url');
    const lab = await this.labs.updateWebhook(actor.labId, { url: body.url, secret });
    if (!lab) throw new NotFoundException('your lab no longer exists');
    await this.audit.append({ labId: actor.labId, actor: auditActor(actor), action: 'webhook.set', target: actor.labId, detail: { origin: originOf(body.url), secretGenerated: !body.secret } });
    return { url: body.url, secretSet: true, ...(body.secret ? {} : { secret }) };
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove your lab\'s webhook: no more events are sent' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiNotFoundResponse({ description: 'your lab has no webhook', schema: ERROR_BODY_SCHEMA })
  async remove(@CurrentActor() actor: Actor): Promise<void> {
    const lab = await this.labs.get(actor.labId);
    if (!lab?.webhookUrl) throw new NotFoundException('your lab has no webhook');
    await this.labs.updateWebhook(actor.labId, null);
    await this.audit.append({ labId: actor.labId, actor: auditActor(actor), action: 'webhook.deleted', target: actor.labId, detail: { origin: originOf(lab.webhookUrl) } });
  }
}
