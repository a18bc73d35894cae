import type { Command } from 'commander';
import { InputError } from '@rarerank/io';
import { mongoOpts, OPERATOR, parseRoles, ROLE_CHOICES, withDataAccess } from './admin-db';

/** `rarerank admin user …`: the people keys belong to (four-eyes compares user ids). */
export function registerUserCommands(admin: Command): void {
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
        const { createUserAudited } = await import('@rarerank/data-access');
        return createUserAudited(da, { labId: opts.lab, name: opts.name.trim(), ...(opts.email ? { email: opts.email } : {}), roles, createdBy: OPERATOR.user }, OPERATOR);
      });
      process.stderr.write(`created user "${created.name}" (${created.roles.join(', ')})\n`);
      process.stdout.write(`${created.id}\n`);
    });
  user
    .command('disable')
    .description('disable a user: every key of it stops authenticating')
    .argument('<id>', 'user id')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { disableUserAudited } = await import('@rarerank/data-access');
      const disabled = await withDataAccess(mongoOpts(cmd), (da) => disableUserAudited(da, id, OPERATOR.user, OPERATOR));
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

}
