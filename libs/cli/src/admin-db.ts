import type { Command } from 'commander';
import type { AuditActor, DataAccess, Role } from '@rarerank/data-access';
import { InputError } from '@rarerank/io';

const CONNECT_TIMEOUT_MS = 5_000;
/** A Record so the compiler insists on every role; the data-access lib (mongoose, Nest) is loaded only when an admin command runs. */
export const ROLE_CHOICES = Object.keys({ submitter: true, reviewer: true, admin: true } satisfies Record<Role, true>);

export interface MongoOpts {
  mongoUrl?: string;
}

/** The audit log's actor for what the operator does from this CLI (no key, no user record). */
export const OPERATOR: AuditActor = { keyId: 'operator-cli', user: 'operator', role: 'admin' };

export function parseRoles(list: string): Role[] {
  const roles = [...new Set(list.split(',').map((r) => r.trim()).filter(Boolean))];
  const bad = roles.filter((r) => !ROLE_CHOICES.includes(r));
  if (!roles.length || bad.length) throw new InputError(`must be a comma-separated list of ${ROLE_CHOICES.join(', ')}${bad.length ? ` (not ${bad.join(', ')})` : ''}`, { file: '--roles' });
  return roles as Role[];
}

/** Opens the database named by --mongo-url or MONGO_URL, makes sure the indexes exist, runs `fn`, closes. */
export async function withDataAccess<T>(opts: MongoOpts, fn: (da: DataAccess) => Promise<T>): Promise<T> {
  const url = opts.mongoUrl ?? process.env.MONGO_URL;
  if (!url) throw new InputError('no database: pass --mongo-url or set MONGO_URL', { file: '--mongo-url' });
  const [{ default: mongoose }, { DataAccess }] = await Promise.all([import('mongoose'), import('@rarerank/data-access')]);
  const connection = await mongoose.createConnection(url, { serverSelectionTimeoutMS: CONNECT_TIMEOUT_MS }).asPromise();
  try {
    const da = new DataAccess(connection);
    // the first admin is created on an empty database: the unique prefix index must exist before any key
    await da.ensureIndexes();
    return await fn(da);
  } finally {
    await connection.close();
  }
}

/** The --mongo-url of `rarerank admin`, from any of its subcommands. */
export const mongoOpts = (cmd: Command): MongoOpts => cmd.optsWithGlobals<MongoOpts>();
