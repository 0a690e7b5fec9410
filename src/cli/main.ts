import { USAGE, UsageError } from './usage.js';
import { VERSION } from '../model/version.js';

type Command = (argv: string[]) => Promise<number> | number;

/** Each command loads only its own code: a nightly `audit` never pays for the extractors in its main thread. */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  audit: async () => (await import('./audit.js')).auditCommand,
  extract: async () => (await import('./extract.js')).extractCommand,
  rules: async () => (await import('./rules.js')).rulesCommand,
  runs: async () => (await import('./runs.js')).runsCommand,
  merge: async () => (await import('./merge.js')).mergeCommand,
  export: async () => (await import('./export.js')).exportCommand,
};

/** Runs one command; returns the exit code (0 done, 1 --fail-on matched, 2 usage or run failure). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command: ${name}`);
    return await (await command())(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`nianbao: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`nianbao: the run could not complete: ${(error as Error).stack ?? error}\n`);
    return 2;
  }
}
