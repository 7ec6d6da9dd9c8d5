import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServerProgram } from '../src/cli/serverProgram.ts';
import { createAccountStore, DATA_FILE_NAME } from '../src/index.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'samplan-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `samplan-server …args` in-process; returns what it printed, or throws its error. */
async function run(args: string[], stdin = ''): Promise<string> {
  let out = '';
  const program = buildServerProgram({ write: (t) => (out += t), readStdin: async () => stdin });
  await program.parseAsync(['node', 'samplan-server', ...args]);
  return out;
}

const accountsIn = (file: string) => createAccountStore(new Database(file));

describe('samplan-server user add / list / backup', () => {
  it('creates a user with a generated password that is printed once and works', async () => {
    const out = await run(['user', 'add', '--email', 'anna@example.se', '--name', 'Anna Andersson', '--data', dir]);
    expect(out).toContain('Kontot anna@example.se (Anna Andersson) är skapat.');
    const password = /Lösenord: (\S+)/.exec(out)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(accountsIn(join(dir, DATA_FILE_NAME)).verifyLogin('anna@example.se', password)?.name).toBe('Anna Andersson');
  });

  it('reads the password from stdin, grants a role in a plan, and lists users', async () => {
    const out = await run(
      [
        'user',
        'add',
        '--email',
        'bo@example.se',
        '--name',
        'Bo',
        '--password-stdin',
        '--plan',
        'p1',
        '--role',
        'viewer',
        '--data',
        dir,
      ],
      'ett-långt-lösenord\n',
    );
    expect(out).not.toContain('Lösenord:');
    const accounts = accountsIn(join(dir, DATA_FILE_NAME));
    const bo = accounts.verifyLogin('bo@example.se', 'ett-långt-lösenord');
    expect(bo).not.toBeNull();
    expect(accounts.roleFor(bo?.id ?? '', 'p1')).toBe('viewer');
    expect(await run(['user', 'list', '--data', dir])).toBe('bo@example.se\tBo\n');
  });

  it('says what is wrong with bad input and creates nothing', async () => {
    await expect(run(['user', 'add', '--email', 'inte-en-adress', '--name', 'X', '--data', dir])).rejects.toThrow(
      'email: Ange en giltig e-postadress.',
    );
    await expect(
      run(['user', 'add', '--email', 'x@example.se', '--name', 'X', '--password-stdin', '--data', dir], 'kort'),
    ).rejects.toThrow(/password: .*10 tecken/);
    await expect(
      run(['user', 'add', '--email', 'x@example.se', '--name', 'X', '--plan', 'p', '--role', 'kung', '--data', dir]),
    ).rejects.toThrow('okänd roll "kung"');
    expect(accountsIn(join(dir, DATA_FILE_NAME)).countUsers()).toBe(0);
  });

  it('backs up the data file while it is open, to a file that opens with everything in it', async () => {
    await run(['user', 'add', '--email', 'anna@example.se', '--name', 'Anna', '--data', dir]);
    const backup = join(dir, 'kopia.sqlite');
    expect(await run(['backup', backup, '--data', dir])).toContain('Säkerhetskopian är skriven');
    expect(existsSync(backup)).toBe(true);
    expect(
      accountsIn(backup)
        .listUsers()
        .map((u) => u.email),
    ).toEqual(['anna@example.se']);
  });
});
