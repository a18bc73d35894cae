import { Body, Controller, Delete, Get, NotFoundException, Param, Post, UnprocessableEntityException, UseFilters } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { type ApiKey, ApiKeyRepository, AuditRepository, keyOwnerProblem, type User, UserRepository } from '@rarerank/data-access';
import { ApiKeyAuth } from '../auth/api-key-auth.decorator';
import { RefusalAuditFilter } from '../common/refusal-audit.filter';
import { type Actor, auditActor, CurrentActor } from '../auth/actor';
import { Roles } from '../auth/roles.decorator';
import { ERROR_BODY_SCHEMA, jsonSchemaOf } from '../common/openapi';
import { ZodPipe } from '../common/zod-validation';
import { type CreateKeyBody, createKeyBodySchema } from './key-body';

function keyView(k: ApiKey) {
  return {
    id: k.id,
    ...(k.userId ? { userId: k.userId } : {}),
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
@UseFilters(RefusalAuditFilter)
@Controller('keys')
export class KeysController {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key for a user of your lab, with one of its roles; the secret is in this answer only' })
  @ApiBody({ schema: jsonSchemaOf(createKeyBodySchema) })
  @ApiCreatedResponse({ description: '`{...key, secret}`: store the secret now, it cannot be shown again' })
  @ApiUnprocessableEntityResponse({ description: 'userId names no enabled user of your lab, or role is not one of its roles', schema: ERROR_BODY_SCHEMA })
  async create(@Body(new ZodPipe(createKeyBodySchema)) body: CreateKeyBody, @CurrentActor() actor: Actor) {
    const user = keyOwner(await this.users.get(actor.labId, body.userId), body);
    const { key, plaintext } = await this.keys.create(actor.labId, { userId: user.id, user: user.name }, body.role, body.name);
    await this.audit.append({ labId: actor.labId, actor: auditActor(actor), action: 'key.created', target: key.id, detail: { userId: user.id, user: key.user, role: key.role } });
    return { ...keyView(key), secret: plaintext };
  }

  @Get()
  @ApiOperation({ summary: 'Your lab\'s API keys (never their secrets)' })
  @ApiOkResponse({ description: '`{items}`' })
  async list(@CurrentActor() actor: Actor) {
    return { items: (await this.keys.list(actor.labId)).map(keyView) };
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke a key: it fails authentication from now on' })
  @ApiOkResponse({ description: 'the key, with revokedAt' })
  @ApiNotFoundResponse({ description: 'no such key in your lab', schema: ERROR_BODY_SCHEMA })
  async revoke(@Param('id') id: string, @CurrentActor() actor: Actor) {
    const revoked = await this.keys.revoke(actor.labId, id);
    if (!revoked) throw new NotFoundException(`key ${id} not found`);
    await this.audit.append({ labId: actor.labId, actor: auditActor(actor), action: 'key.revoked', target: id, detail: { ...(revoked.userId ? { userId: revoked.userId } : {}), user: revoked.user, role: revoked.role } });
    return keyView(revoked);
  }
}

/** The user a new key may belong to: enabled, of the caller's lab, holding the key's role (422 naming the field otherwise). */
function keyOwner(user: User | null, body: CreateKeyBody): User {
  const problem = keyOwnerProblem(user, body.userId, body.role);
  if (problem) throw new UnprocessableEntityException({ message: `${problem.field}: ${problem.message}`, field: problem.field });
  return user!;
}
