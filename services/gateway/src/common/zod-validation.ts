import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/** The dotted path of a zod issue (`criteriaChanges.0.criterion`), or the given root name. */
export function issueField(path: readonly PropertyKey[], root?: string): string | undefined {
  const parts = [root, ...path.map(String)].filter((p): p is string => !!p);
  return parts.length ? parts.join('.') : undefined;
}

/**
 * Parses `value` with `schema`; on failure a 400 whose message and `field` name the first bad
 * field (`root` prefixes the path, e.g. "manifest[2]").
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, root?: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // an unknown key is reported at its parent: name the key itself
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  const field = issueField(path, root);
  throw new BadRequestException({ message: field ? `${field}: ${issue.message}` : issue.message, field });
}

/** `@Body(new ZodPipe(schema))` / `@Query(new ZodPipe(schema))`: one validation system for bodies and queries. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    return parseOrThrow(this.schema, value);
  }
}
