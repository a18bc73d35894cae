import { Body, Controller, Delete, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ApiKey, ApiKeyRepository, AuditRepository } from '@rarerank/data-access';
import { ApiKeyAuth } from '../auth/api-key-auth.decorator';
import { type Actor, auditActor, CurrentActor } from '../auth/actor';
import { Roles } from '../auth/roles.decorator';
import { jsonSchemaOf } from '../common/openapi';
import { ZodPipe } from '../common/zod-validation';
import { type CreateKeyBody, createKeyBodySchema } from './key-body';

function keyView(k: ApiKey) {
  return {
    id: k.id,
    user: k.user,
    role: k.role,
    ...(k.name ? { name: k.name } : {}),
    prefix: k.prefix,
    createdAt: k.createdAt,
    ...(k.lastUsedAt ? { lastUsedAt: k.lastUsedAt } : {}),
    ...(k.revokedAt ? { revokedAt: k.revokedAt } : {}),
  };
}

@ApiTags('keys')
@ApiKeyAuth()
@Roles('admin')
@Controller('keys')
export class KeysController {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly audit: AuditRepository,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key for your lab; the secret is in this answer only' })
  @ApiBody({ schema: jsonSchemaOf(createKeyBodySchema) })
  @ApiCreatedResponse({ description: '`{...key, secret}`: store the secret now, it cannot be shown again' })
  async create(@Body(new ZodPipe(createKeyBodySchema)) body: CreateKeyBody, @CurrentActor() actor: Actor) {
    const { key, plaintext } = await this.keys.create(actor.labId, body.user, body.role, body.name);
    await this.audit.append({ labId: actor.labId, actor: auditActor(actor), action: 'key.created', target: key.id, detail: { user: key.user, role: key.role } });
    return { ...keyView(key), secret: plaintext };
  }

  @Get()
  @ApiOperation({ summary: 'Your lab\'s API keys (never their secrets)' })
  async list(@CurrentActor() actor: Actor) {
    return { items: (await this.keys.list(actor.labId)).map(keyView) };
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke a key: it fails authentication from now on' })
  async revoke(@Param('id') id: string, @CurrentActor() actor: Actor) {
    const revoked = await this.keys.revoke(actor.labId, id);
    if (!revoked) throw new NotFoundException(`key ${id} not found`);
    await this.audit.append({ labId: actor.labId, actor: auditActor(actor), action: 'key.revoked', target: id, detail: { user: revoked.user, role: revoked.role } });
    return keyView(revoked);
  }
}
