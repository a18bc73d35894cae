import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiPayloadTooLargeResponse, ApiSecurity, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { JsonBodyGuard } from '../common/json-body.guard';
import { ERROR_BODY_SCHEMA } from '../common/openapi';
import { ApiKeyGuard } from './api-key.guard';
import { RateLimitGuard } from './rate-limit.guard';
import { RolesGuard } from './roles.guard';

export const API_KEY_SECURITY = 'apiKey';

/** On every API controller: authenticate (401), rate-limit per key (429), check @Roles (403), and only then read a JSON body (400/413). */
export function ApiKeyAuth(): ClassDecorator {
  return applyDecorators(
    UseGuards(ApiKeyGuard, RateLimitGuard, RolesGuard, JsonBodyGuard),
    ApiSecurity(API_KEY_SECURITY),
    ApiBadRequestResponse({ description: 'invalid input: `field` names it', schema: ERROR_BODY_SCHEMA }),
    ApiUnauthorizedResponse({ description: 'missing, unknown or revoked API key', schema: ERROR_BODY_SCHEMA }),
    ApiForbiddenResponse({ description: 'the key\'s role may not do this', schema: ERROR_BODY_SCHEMA }),
    ApiTooManyRequestsResponse({ description: 'rate limit exceeded (Retry-After says when to retry)', schema: ERROR_BODY_SCHEMA }),
    ApiPayloadTooLargeResponse({ description: 'a JSON body over JSON_BODY_LIMIT', schema: ERROR_BODY_SCHEMA }),
  );
}
