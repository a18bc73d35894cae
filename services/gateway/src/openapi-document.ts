import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { rarerankVersion } from '@rarerank/kb';
import { API_KEY_SECURITY } from './auth/api-key-auth.decorator';

/** OpenAPI at /docs (UI) and /docs-json, built from the controllers' decorators and zod schemas. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('RareRank API')
    .setDescription(
      'Rare-disease case prioritization. Authenticate with `Authorization: Bearer rr_…` or `X-API-Key: rr_…`; ' +
        'everything is scoped to your key\'s lab. Errors share one body: `{statusCode, error, message, field?, line?, file?, requestId}`.',
    )
    .setVersion(rarerankVersion())
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'rr_<prefix>_<secret> (or send it as a Bearer token)' }, API_KEY_SECURITY)
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config));
}
