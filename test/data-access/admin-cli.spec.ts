import { Command } from 'commander';
import { InputError } from '@rarerank/io';
import { registerAdminCommands } from '../../libs/cli/src/admin-commands';
import { dropTestDb, openTestDb, type TestDb } from './test-db';

/** Runs `rarerank admin …` in-process against the test database; what it printed, per stream. */
async function admin(db: TestDb, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const program = new Command('rarerank').exitOverride();
  registerAdminCommands(program);
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    await program.parseAsync(['admin', '--mongo-url', db.url, ...args], { from: 'user' });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout, stderr };
}

describe('rarerank admin (lab, user and key commands) against FerretDB', () => {
  let db: TestDb;

  beforeAll(async () => {
    db = await openTestDb('da_admin');
  });
  afterAll(() => dropTestDb(db));

  it('creates a lab, its first admin user and a key of that user, which the gateway can then verify', async () => {
    const lab = await admin(db, 'lab', 'create', '--name', 'Clinical Genomics Lab');
    const labId = lab.stdout.trim();
    expect(await db.da.labs.get(labId)).toMatchObject({ name: 'Clinical Genomics Lab' });

    const user = await admin(db, 'user', 'create', '--lab', labId, '--name', 'Ops Admin', '--email', 'ops@lab.example', '--roles', 'admin,reviewer');
    const userId = user.stdout.trim();
    expect(await db.da.users.get(labId, userId)).toMatchObject({ name: 'Ops Admin', roles: ['admin', 'reviewer'], createdBy: 'operator' });
    expect((await admin(db, 'user', 'list', '--lab', labId)).stdout).toBe(`${userId}\tadmin,reviewer\tactive\tOps Admin\n`);

    const key = await admin(db, 'key', 'create', '--lab', labId, '--user', userId, '--role', 'admin');
    const plaintext = key.stdout.trim();
    // stdout holds the key alone, so `KEY=$(rarerank admin key create …)` works
    expect(plaintext).toMatch(/^rr_[0-9a-f]{12}_[0-9a-f]{64}$/);
    expect(key.stderr).toMatch(/cannot be shown again/);
    expect(key.stderr).not.toContain(plaintext);
    const verified = await db.da.apiKeys.verify(plaintext);
    expect(verified).toMatchObject({ labId, userId, user: 'Ops Admin', role: 'admin' });

    const listed = await admin(db, 'key', 'list', '--lab', labId);
    expect(listed.stdout).toContain(`${verified!.id}\tadmin\t${userId}\tOps Admin`);
    expect(listed.stdout).not.toContain(plaintext.split('_')[2]);

    await admin(db, 'key', 'revoke', verified!.id);
    expect(await db.da.apiKeys.verify(plaintext)).toBeNull();
    const audit = await db.connection.collection('audit').find({ labId }).toArray();
    expect(audit.map((a) => [a.action, a.actor.user])).toEqual([
      ['user.created', 'operator'],
      ['key.created', 'operator'],
    ]);
  });

  it('refuses a key with a role the user does not hold, or for a disabled or unknown user', async () => {
    const labId = (await admin(db, 'lab', 'create', '--name', 'Lab 2')).stdout.trim();
    const userId = (await admin(db, 'user', 'create', '--lab', labId, '--name', 'Rev', '--roles', 'reviewer')).stdout.trim();
    await expect(admin(db, 'key', 'create', '--lab', labId, '--user', userId, '--role', 'admin')).rejects.toMatchObject({ file: '--role' });
    await expect(admin(db, 'key', 'create', '--lab', labId, '--user', 'nobody', '--role', 'reviewer')).rejects.toMatchObject({ file: '--user' });
    await expect(admin(db, 'user', 'create', '--lab', labId, '--name', 'X', '--roles', 'root')).rejects.toMatchObject({ file: '--roles' });
    await admin(db, 'user', 'disable', userId);
    expect((await db.da.users.get(labId, userId))?.disabledBy).toBe('operator');
    await expect(admin(db, 'key', 'create', '--lab', labId, '--user', userId, '--role', 'reviewer')).rejects.toThrow(/disabled/);
    await expect(admin(db, 'user', 'disable', 'no-such-user')).rejects.toBeInstanceOf(InputError);
  });

  it('refuses a key for a lab that does not exist, naming the option', async () => {
    await expect(admin(db, 'key', 'create', '--lab', 'no-such-lab', '--user', 'x', '--role', 'admin')).rejects.toThrow(new InputError('no lab with id no-such-lab', { file: '--lab' }));
    await expect(admin(db, 'key', 'revoke', 'no-such-key')).rejects.toBeInstanceOf(InputError);
  });

  it('refuses a webhook URL that is not http(s) or carries credentials, naming the option', async () => {
    await expect(admin(db, 'lab', 'create', '--name', 'L', '--webhook-url', 'file:///etc/passwd', '--webhook-secret', 's')).rejects.toMatchObject({ file: '--webhook-url', message: expect.stringContaining('http:// or https://') });
    await expect(admin(db, 'lab', 'create', '--name', 'L', '--webhook-url', 'https://u:p@lims.example.org/', '--webhook-secret', 's')).rejects.toMatchObject({ file: '--webhook-url' });
  });

  it('refuses an unknown role before touching the database', async () => {
    await expect(admin(db, 'key', 'create', '--lab', 'x', '--user', 'x', '--role', 'root')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
  });

  it('needs a database URL', async () => {
    const saved = process.env.MONGO_URL;
    delete process.env.MONGO_URL;
    try {
      const program = new Command('rarerank').exitOverride();
      registerAdminCommands(program);
      await expect(program.parseAsync(['admin', 'lab', 'list'], { from: 'user' })).rejects.toThrow(/--mongo-url.*MONGO_URL/);
    } finally {
      process.env.MONGO_URL = saved;
    }
  });
});
