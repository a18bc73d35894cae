import { applyDecorators } from '@nestjs/common';
import { ApiNotFoundResponse, ApiQuery, type SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * The OpenAPI schema of a zod schema, so request documentation and validation come from the same
 * definition (zod 4 renders JSON Schema; the input side is what a client sends).
 */
export function jsonSchemaOf(schema: z.ZodType): SchemaObject {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;
  delete json.$schema;
  return json as SchemaObject;
}

/** One @ApiQuery per property of a zod object schema (query strings are documented as strings or numbers). */
export function ApiQueryFrom(schema: z.ZodType): MethodDecorator {
  const json = jsonSchemaOf(schema) as { properties?: Record<string, SchemaObject>; required?: string[] };
  const required = new Set(json.required ?? []);
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) => ApiQuery({ name, required: required.has(name), schema: property })),
  );
}

/** The fixed error body of every failure (libs/nest-common/src/errors). */
export const ERROR_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['statusCode', 'error', 'message', 'requestId'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    message: { type: 'string', example: 'hpo.1: "HP:12" is not an HPO id (HP:0000000)' },
    field: { type: 'string', description: 'the bad field, for input errors', example: 'hpo.1' },
    line: { type: 'integer', description: 'the bad line of an uploaded file' },
    file: { type: 'string', description: 'the uploaded file (its base name)' },
    requestId: { type: 'string', description: 'quote it when reporting a problem' },
  },
};

/** On every route under /cases/:id: another lab's case answers like a missing one. */
export function ApiCaseNotFound(): ClassDecorator & MethodDecorator {
  return ApiNotFoundResponse({ description: 'no such case in your lab (or no such resource of it)', schema: ERROR_BODY_SCHEMA });
}
