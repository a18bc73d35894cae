import { Body, ConflictException, Controller, Get, HttpCode, HttpStatus, NotFoundException, Param, Post, UseFilters } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditRepository, createUserAudited, disableUserAudited, type User, UserRepository } from '@rarerank/data-access';
import { ApiKeyAuth } from '../auth/api-key-auth.decorator';
import { RefusalAuditFilter } from '../common/refusal-audit.filter';
import { type Actor, auditActor, CurrentActor } from '../auth/actor';
import { Roles } from '../auth/roles.decorator';
import { ERROR_BODY_SCHEMA, jsonSchemaOf } from '../common/openapi';
import { ZodPipe } from '../common/zod-validation';
import { type CreateUserBody, createUserBodySchema } from './user-body';

export function userView(u: User) {
  return {
    id: u.id,
    name: u.name,
    ...(u.email ? { email: u.email } : {}),
    roles: u.roles,
    createdAt: u.createdAt,
    createdBy: u.createdBy,
    ...(u.disabledAt ? { disabledAt: u.disabledAt, disabledBy: u.disabledBy } : {}),
  };
}

/** The lab's users: the people keys belong to (the four-eyes rule compares their ids). Admins only. */
@ApiTags('users')
@ApiKeyAuth()
@Roles('admin')
@UseFilters(RefusalAuditFilter)
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a user of your lab (then mint keys for it with POST /keys)' })
  @ApiBody({ schema: jsonSchemaOf(createUserBodySchema) })
  @ApiCreatedResponse({ description: 'the user' })
  async create(@Body(new ZodPipe(createUserBodySchema)) body: CreateUserBody, @CurrentActor() actor: Actor) {
    const input = { labId: actor.labId, name: body.name, ...(body.email ? { email: body.email } : {}), roles: body.roles, createdBy: actor.userId ?? actor.user };
    return userView(await createUserAudited({ users: this.users, audit: this.audit }, input, auditActor(actor)));
  }

  @Get()
  @ApiOperation({ summary: 'Your lab\'s users, disabled ones included' })
  @ApiOkResponse({ description: '`{items}`' })
  async list(@CurrentActor() actor: Actor) {
    return { items: (await this.users.list(actor.labId)).map(userView) };
  }

  @Post(':id/disable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Disable a user: every key of it stops authenticating (users are never deleted: the audit log names them)' })
  @ApiOkResponse({ description: 'the user, with disabledAt and disabledBy' })
  @ApiNotFoundResponse({ description: 'no such user in your lab', schema: ERROR_BODY_SCHEMA })
  @ApiConflictResponse({ description: 'you cannot disable yourself', schema: ERROR_BODY_SCHEMA })
  async disable(@Param('id') id: string, @CurrentActor() actor: Actor) {
    if (id === actor.userId) throw new ConflictException('you cannot disable your own user: ask another admin (or the operator CLI)');
    const user = await disableUserAudited({ users: this.users, audit: this.audit }, id, actor.userId ?? actor.user, auditActor(actor), actor.labId);
    if (!user) throw new NotFoundException(`user ${id} not found`);
    return userView(user);
  }
}
