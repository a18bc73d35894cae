import { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error';

export type Env = Record<string, string | undefined>;

/** Validates the environment against a service's schema; throws a ConfigError naming every bad variable. */
export function parseConfig<S extends z.ZodType>(schema: S, env: Env = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issues: ConfigIssue[] = result.error.issues.map((issue) => ({
    variable: issue.path.length > 0 ? issue.path.map(String).join('.') : '(environment)',
    message: issue.message,
  }));
  throw new ConfigError(issues);
}

/**
 * Reads the configuration once at boot. On bad input it prints every problem and exits non-zero
 * before Nest starts, so a misconfigured pod fails fast with a readable reason.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: Env = process.env): z.infer<S> {
  try {
    return parseConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
