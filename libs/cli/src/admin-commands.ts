import { Command, Option } from 'commander';
import type { AuditActor, DataAccess, Role } from '@rarerank/data-access';
import { InputError } from '@rarerank/io';

const CONNECT_TIMEOUT_MS = 5_000;
/** A Record so the compiler insists on every role; the data-access lib (mongoose, Nest) is loaded only when an admin command runs. */
const ROLE_CHOICES = Object.keys({ submitter: true, reviewer: true, admin: true } satisfies Record<Role, true>);

interface MongoOpts {
  mongoUrl?: string;
}

/** The audit log's actor for what the operator does from this CLI (no key, no user record). */
const OPERATOR: AuditActor = { keyId: 'operator-cli', user: 'operator', role: 'admin' };

function parseRoles(list: string): Role[] {
  const roles = [...new Set(list.split(',').map((r) => r.trim()).filter(Boolean))];
  const bad = roles.filter((r) => !ROLE_CHOICES.includes(r));
  if (!roles.length || bad.length) throw new InputError(`must be a comma-separated list of ${ROLE_CHOICES.join(', ')}${bad.length ? ` (not ${bad.join(', ')})` : ''}`, { file: '--roles' });
  return roles as Role[];
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
    .description('operator tasks on the services database: labs, users and API keys')
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

  const user = admin.command('user').description('users: the people API keys belong to (four-eyes compares user ids)');
  user
    .command('create')
    .description('create a user of a lab; prints its id')
    .requiredOption('--lab <id>', 'lab id')
    .requiredOption('--name <name>', 'the person\'s name (shown in reports and the audit log)')
    .option('--email <email>', 'contact address')
    .requiredOption('--roles <roles>', `comma-separated: ${ROLE_CHOICES.join(', ')} (the roles its keys may have)`)
    .action(async (opts: { lab: string; name: string; email?: string; roles: string }, cmd: Command) => {
      if (!opts.name.trim()) throw new InputError('must not be empty', { file: '--name' });
      const roles = parseRoles(opts.roles);
      const created = await withDataAccess(mongoOpts(cmd), async (da) => {
        if (!(await da.labs.get(opts.lab))) throw new InputError(`no lab with id ${opts.lab}`, { file: '--lab' });
        const u = await da.users.create({ labId: opts.lab, name: opts.name.trim(), ...(opts.email ? { email: opts.email } : {}), roles, createdBy: OPERATOR.user });
        await da.audit.append({ labId: opts.lab, actor: OPERATOR, action: 'user.created', target: u.id, detail: { name: u.name, roles: u.roles } });
        return u;
      });
      process.stderr.write(`created user "${created.name}" (${created.roles.join(', ')})\n`);
      process.stdout.write(`${created.id}\n`);
    });
  user
    .command('disable')
    .description('disable a user: every key of it stops authenticating')
    .argument('<id>', 'user id')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const disabled = await withDataAccess(mongoOpts(cmd), async (da) => {
        const before = await da.users.getById(id);
        const after = before && (await da.users.disable(id, OPERATOR.user));
        if (after && !before.disabledAt) await da.audit.append({ labId: after.labId, actor: OPERATOR, action: 'user.disabled', target: id, detail: { name: after.name } });
        return after;
      });
      if (!disabled) throw new InputError(`no user with id ${id}`, { file: '<id>' });
      process.stderr.write(`disabled user ${disabled.id} "${disabled.name}" (lab ${disabled.labId})\n`);
    });
  user
    .command('list')
    .description("list a lab's users (id, roles, state, name)")
    .requiredOption('--lab <id>', 'lab id')
    .action(async (opts: { lab: string }, cmd: Command) => {
      const users = await withDataAccess(mongoOpts(cmd), (da) => da.users.list(opts.lab));
      for (const u of users) process.stdout.write(`${u.id}\t${u.roles.join(',')}\t${u.disabledAt ? 'disabled' : 'active'}\t${u.name}\n`);
    });

  const key = admin.command('key').description('API keys (each belongs to a user)');
  key
    .command('create')
    .description('create an API key for a user; prints the key once (only its hash is stored)')
    .requiredOption('--lab <id>', 'lab id')
    .requiredOption('--user <id>', 'the user id the key belongs to (`admin user create`)')
    .addOption(new Option('--role <role>', 'what the key may do: one of the user\'s roles').choices(ROLE_CHOICES).makeOptionMandatory())
    .option('--name <name>', 'a label, e.g. "LIMS integration"')
    .action(async (opts: { lab: string; user: string; role: Role; name?: string }, cmd: Command) => {
      const userId = opts.user.trim();
      if (!userId) throw new InputError('must not be empty', { file: '--user' });
      const created = await withDataAccess(mongoOpts(cmd), async (da) => {
        if (!(await da.labs.get(opts.lab))) throw new InputError(`no lab with id ${opts.lab}`, { file: '--lab' });
        const owner = await da.users.get(opts.lab, userId);
        const { keyOwnerProblem } = await import('@rarerank/data-access');
        const problem = keyOwnerProblem(owner, userId, opts.role);
        if (problem) throw new InputError(problem.message, { file: problem.field === 'userId' ? '--user' : '--role' });
        const made = await da.apiKeys.create(opts.lab, { userId, user: owner!.name }, opts.role, opts.name);
        await da.audit.append({ labId: opts.lab, actor: OPERATOR, action: 'key.created', target: made.key.id, detail: { userId, user: owner!.name, role: opts.role } });
        return made;
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
    .description("list a lab's keys (id, role, user id, user, prefix, state); never the secrets")
    .requiredOption('--lab <id>', 'lab id')
    .action(async (opts: { lab: string }, cmd: Command) => {
      const keys = await withDataAccess(mongoOpts(cmd), (da) => da.apiKeys.list(opts.lab));
      for (const k of keys) process.stdout.write(`${k.id}\t${k.role}\t${k.userId ?? '(no user record)'}\t${k.user}\trr_${k.prefix}_…\t${k.revokedAt ? 'revoked' : 'active'}\n`);
    });
}
