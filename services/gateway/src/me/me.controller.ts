import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '../auth/api-key-auth.decorator';
import { type Actor, CurrentActor } from '../auth/actor';

/** Who a key speaks for, so that an app can say who is signed in and tell the caller's reviews from others'. */
@ApiTags('me')
@ApiKeyAuth()
@Controller('me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'The caller: the key, its lab, user and role (any role)' })
  @ApiOkResponse({ description: '`{keyId, labId, userId?, user, role}`; no userId for a legacy key minted before users existed (it may read and submit, not review)' })
  get(@CurrentActor() actor: Actor) {
    return { keyId: actor.keyId, labId: actor.labId, ...(actor.userId ? { userId: actor.userId } : {}), user: actor.user, role: actor.role };
  }
}
