import { type Command, Option } from 'commander';
// type-only: the data-access index loads mongoose and Nest, which `prioritize` never needs
import type { Role } from '@rarerank/data-access';
import { InputError } from '@rarerank/io';
import { mongoOpts, OPERATOR, ROLE_CHOICES, withDataAccess } from './admin-db';
import { registerUserCommands } from './admin-user-commands';

/**
 * `rarerank admin …`: what an operator needs before the REST API is usable (a lab, its first
 * admin user and a key of it). Results go to stdout alone (an id, or the key), so scripts can capture them;
 * explanations go to stderr.
 */
export function registerAdminCommands(program: Command): void {
  const admin = program
    .command('admin')
    .description('operator tasks on the services database: labs, users and API keys')
    .option('--mongo-url <url>', 'MongoDB URL including the database (default: $MONGO_URL)');

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
      const { webhookUrlSyntaxProblem } = await import('@rarerank/data-access');
      const urlProblem = opts.webhookUrl ? webhookUrlSyntaxProblem(opts.webhookUrl) : undefined;
      if (urlProblem) throw new InputError(urlProblem, { file: '--webhook-url' });
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

  registerUserCommands(admin);

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
