import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { createAccountStore } from '../accounts/createAccountStore.ts';
import { createSqliteStorage } from '../createSqliteStorage.ts';
import { isRole } from '../roleCanWrite.ts';
import { DATA_FILE_NAME, type SamplanServer, startSamplanServer } from '../startSamplanServer.ts';

/** Where `npm start` keeps its data: `$SAMPLAN_DATA`, else `./data` in the directory npm was started from. */
export const defaultDataDir = (): string =>
  resolve(process.env.SAMPLAN_DATA ?? join(process.env.INIT_CWD ?? process.cwd(), 'data'));

/** The data file in `--data` or the default data directory. */
const dataFile = (dataDir: string | undefined): string => join(resolve(dataDir ?? defaultDataDir()), DATA_FILE_NAME);

/** The built workspace next to this package in the monorepo (`apps/web/dist`). */
const defaultStaticDir = (): string => fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** What the commands need from the outside world (injectable for tests). */
export interface ServerProgramIo {
  write(text: string): void;
  /** Reads all of stdin (for `--password-stdin`). */
  readStdin(): Promise<string>;
  /** Called with the running server by `start` (tests stop it; the bin waits for a signal). */
  onStarted?(server: SamplanServer): void;
}

const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new InvalidArgumentError('ange ett portnummer 0–65535');
  return n;
};

/** Builds the `samplan-server` command: start, user add, user list, backup. */
export function buildServerProgram(io: ServerProgramIo): Command {
  const program = new Command('samplan-server')
    .description('Samplans server: arbetsytan, API:t och samredigeringen på en port, data i en SQLite-fil')
    .exitOverride()
    .configureOutput({ writeOut: io.write, writeErr: (t) => process.stderr.write(t) });
  const dataOption = ['--data <dir>', 'katalog för datafilen (standard: ./data eller $SAMPLAN_DATA)'] as const;

  program
    .command('start')
    .description('Starta servern')
    .option('--port <port>', 'port (standard: $PORT eller 4173)', port)
    .option('--host <host>', 'adress att lyssna på (standard: $HOST eller 127.0.0.1)')
    .option(...dataOption)
    .option('--static <dir>', 'den byggda arbetsytan (standard: apps/web/dist)')
    .option('--origin <url...>', 'publika adresser webbläsare når servern på, t.ex. https://samplan.example')
    .action(async (opts: { port?: number; host?: string; data?: string; static?: string; origin?: string[] }) => {
      const { readSeedPlan } = await import('@samplan/seed-plans/node');
      const { importBudgetTable } = await import('@samplan/budget-table');
      const dataDir = resolve(opts.data ?? defaultDataDir());
      const publicOrigins = opts.origin ?? (process.env.SAMPLAN_ORIGIN ? [process.env.SAMPLAN_ORIGIN] : []);
      const server = await startSamplanServer({
        dataDir,
        port: opts.port ?? Number(process.env.PORT ?? 4173),
        host: opts.host ?? process.env.HOST ?? '127.0.0.1',
        staticDir: opts.static ?? defaultStaticDir(),
        publicOrigins,
        secureCookie: publicOrigins.some((origin) => origin.startsWith('https:')),
        examplePlan: async () => {
          const imported = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
          if (!imported.ok) throw new Error('the example plan does not import');
          return imported.value;
        },
      });
      const token = server.setupToken();
      io.write(`\nSamplan körs på ${server.url}/  (Ctrl+C avslutar)\n`);
      io.write(`Data: ${server.dataFile}\n`);
      if (token) {
        io.write(
          `\nFörsta start: inget konto finns ännu. Öppna\n  ${server.url}/setup#${token}\n` +
            'för att skapa det första kontot (med en exempelplan), eller skapa ett från kommandoraden:\n' +
            `  npx samplan-server user add --email du@example.se --name "Ditt Namn" --data ${dataDir}\n`,
        );
      } else {
        io.write(`Logga in på ${server.url}/\n`);
      }
      io.onStarted?.(server);
    });

  const user = program.command('user').description('Hantera konton');
  user
    .command('add')
    .description('Skapa ett konto (lösenordet skrivs ut om det inte läses från stdin)')
    .requiredOption('--email <email>', 'e-postadress (inloggningsnamn)')
    .requiredOption('--name <name>', 'namn som visas för andra')
    .option('--password-stdin', 'läs lösenordet från stdin (minst 10 tecken)')
    .option('--plan <id>', 'ge kontot en roll i planen')
    .option('--role <role>', 'rollen i --plan: owner, editor, commenter eller viewer', 'editor')
    .option(...dataOption)
    .action(
      async (opts: {
        email: string;
        name: string;
        passwordStdin?: boolean;
        plan?: string;
        role: string;
        data?: string;
      }) => {
        if (opts.plan !== undefined && !isRole(opts.role)) {
          throw new InvalidArgumentError(`okänd roll "${opts.role}": owner, editor, commenter eller viewer`);
        }
        const generated = opts.passwordStdin ? null : randomBytes(12).toString('base64url');
        const password = generated ?? (await io.readStdin()).replace(/\r?\n$/, '');
        withAccounts(opts.data, (accounts) => {
          const created = accounts.createUser({ email: opts.email, name: opts.name, password });
          if (!created.ok) {
            throw new InvalidArgumentError(created.errors.map((e) => `${e.field}: ${e.message}`).join('\n'));
          }
          if (opts.plan !== undefined && isRole(opts.role)) accounts.grantRole(opts.plan, created.user.id, opts.role);
          io.write(`Kontot ${created.user.email} (${created.user.name}) är skapat.\n`);
          if (generated) io.write(`Lösenord: ${generated}\n(Det visas bara nu.)\n`);
        });
      },
    );
  user
    .command('list')
    .description('Lista konton')
    .option(...dataOption)
    .action((opts: { data?: string }) => {
      withAccounts(opts.data, (accounts) => {
        for (const u of accounts.listUsers()) io.write(`${u.email}\t${u.name}\n`);
      });
    });

  program
    .command('backup')
    .description('Säkerhetskopiera datafilen medan servern kör (SQLite online backup)')
    .argument('<file>', 'filen att skriva')
    .option(...dataOption)
    .action(async (file: string, opts: { data?: string }) => {
      const storage = createSqliteStorage(dataFile(opts.data));
      try {
        await storage.database.backup(resolve(file));
        io.write(`Säkerhetskopian är skriven till ${resolve(file)}\n`);
      } finally {
        storage.close();
      }
    });

  return program;
}

/** Opens the data file's account store for one command, and closes it again. */
function withAccounts(dataDir: string | undefined, use: (accounts: ReturnType<typeof createAccountStore>) => void) {
  const storage = createSqliteStorage(dataFile(dataDir));
  try {
    use(createAccountStore(storage.database));
  } finally {
    storage.close();
  }
}
