import { Command, Option } from 'commander';
import type { DataAccess, Role } from '@rarerank/data-access';
import { InputError } from '@rarerank/io';

const CONNECT_TIMEOUT_MS = 5_000;
/** A Record so the compiler insists on every role; the data-access lib (mongoose, Nest) is loaded only when an admin command runs. */
const ROLE_CHOICES = Object.keys({ submitter: true, reviewer: true, admin: true } satisfies Record<Role, true>);

interface MongoOpts {
  mongoUrl?: string;
}

/** Opens the database named by --mongo-url or MONGO_URL, makes sure the indexes exist, runs `fn`, closes. */
async function withDataAccess<T>(opts: MongoOpts, fn: (da: DataAccess) => Promise<T>): Promise<T> {
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

/**
 * `rarerank admin …`: what an operator needs before the REST API is usable (a lab and its first
 * admin key). Results go to stdout alone (an id, or the key), so scripts can capture them;
 * explanations go to stderr.
 */
export function registerAdminCommands(program: Command): void {
  const admin = program
    .command('admin')
    .description('operator tasks on the services database: labs and API keys')
    .option('--mongo-url <url>', 'MongoDB URL including the database (default: $MONGO_URL)');
  const mongoOpts = (cmd: Command) => cmd.optsWithGlobals<MongoOpts>();

  const lab = admin.command('lab').description('labs (tenants)');
  lab
    .command('create')
    .description('create a lab; prints its id')
    .requiredOption('--name <name>', 'display name')
    .option('--webhook-url <url>', 'where stage events are POSTed')
    .option('--webhook-secret <secret>', 'HMAC-SHA256 secret for the webhook signature')
    .action(async (opts: { name: string; webhookUrl?: string; webhookSecret?: string }, cmd: Command) => {
      if (!opts.name.trim()) throw new InputError('must not be empty', { file: '--name' });
      if (Boolean(opts.webhookUrl) !== Boolean(opts.webhookSecret)) throw new InputError('--webhook-url and --webhook-secret go together', { file: '--webhook-url' });
      const created = await withDataAccess(mongoOpts(cmd), (da) => da.labs.create({ name: opts.name.trim(), webhookUrl: opts.webhookUrl, webhookSecret: opts.webhookSecret }));
      process.stderr.write(`created lab "${created.name}"\n`);
      process.stdout.write(`${created.id}\n`);
    });
  lab
    .command('list')
    .description('list labs (id, created, name)')
    .action(async (_opts: unknown, cmd: Command) => {
      const labs = await withDataAccess(mongoOpts(cmd), (da) => da.labs.list());
      for (const l of labs) process.stdout.write(`${l.id}\t${l.createdAt.toISOString()}\t${l.name}\n`);
    });

  const key = admin.command('key').description('API keys');
  key
    .command('create')
    .description('create an API key; prints the key once (only its hash is stored)')
    .requiredOption('--lab <id>', 'lab id')
    .requiredOption('--user <user>', 'who uses the key (recorded in the audit log)')
    .addOption(new Option('--role <role>', 'what the key may do').choices(ROLE_CHOICES).makeOptionMandatory())
    .option('--name <name>', 'a label, e.g. "LIMS integration"')
    .action(async (opts: { lab: string; user: string; role: Role; name?: string }, cmd: Command) => {
      if (!opts.user.trim()) throw new InputError('must not be empty', { file: '--user' });
      const created = await withDataAccess(mongoOpts(cmd), async (da) => {
        if (!(await da.labs.get(opts.lab))) throw new InputError(`no lab with id ${opts.lab}`, { file: '--lab' });
        return da.apiKeys.create(opts.lab, opts.user.trim(), opts.role, opts.name);
      });
      process.stderr.write(`created ${created.key.role} key ${created.key.id} for ${created.key.user}; store it now, it cannot be shown again:\n`);
      process.stdout.write(`${created.plaintext}\n`);
    });
  key
    .command('revoke')
    .description('revoke an API key (by its id, as `key list` shows it)')
    .argument('<id>', 'key id')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const revoked = await withDataAccess(mongoOpts(cmd), (da) => da.apiKeys.revokeById(id));
      if (!revoked) throw new InputError(`no API key with id ${id}`, { file: '<id>' });
      process.stderr.write(`revoked key ${revoked.id} of ${revoked.user} (lab ${revoked.labId})\n`);
    });
  key
    .command('list')
    .description("list a lab's keys (id, role, user, prefix, state); never the secrets")
    .requiredOption('--lab <id>', 'lab id')
    .action(async (opts: { lab: string }, cmd: Command) => {
      const keys = await withDataAccess(mongoOpts(cmd), (da) => da.apiKeys.list(opts.lab));
      for (const k of keys) process.stdout.write(`${k.id}\t${k.role}\t${k.user}\trr_${k.prefix}_…\t${k.revokedAt ? 'revoked' : 'active'}\n`);
    });
}
