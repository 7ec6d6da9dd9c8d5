/** The `samplan-server` command (see `serverProgram.ts`); exits non-zero with a message on bad input. */
import { CommanderError } from 'commander';
import { buildServerProgram } from './serverProgram.ts';

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const program = buildServerProgram({
  write: (text) => process.stdout.write(text),
  readStdin,
  onStarted(server) {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      process.stdout.write('Stänger servern …\n');
      void server.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
    if (error.code === 'commander.invalidArgument' || error.code === 'commander.error') {
      process.stderr.write(`samplan-server: ${error.message}\n`);
    }
  } else {
    process.stderr.write(`samplan-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
