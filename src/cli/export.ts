import { parseArgs } from 'node:util';
import { auditPaths } from '../nightly/run.js';
import { TABLE_FILES, writeTidyTables } from '../output/tables.js';
import { UsageError } from './usage.js';

/** Writes the corpus-wide dataset: 表二, 表三 and 表四 of every readable report, through the same cache as audit. */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      tables: { type: 'string' },
      db: { type: 'string' },
      jobs: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (!positionals.length) throw new UsageError('export needs at least one PATH');
  if (!values.tables) throw new UsageError('export needs --tables DIR');
  const jobs = values.jobs === undefined ? undefined : Math.floor(Number(values.jobs));
  if (jobs !== undefined && !(jobs >= 1)) throw new UsageError('--jobs takes a positive number');
  const run = await auditPaths(positionals, { db: values.db ?? 'nianbao-out/nianbao.db', jobs });
  try {
    const reports = run.slim();
    const counts = await writeTidyTables(values.tables, reports);
    if (!values.quiet) {
      const unreadable = run.files.length - reports.length;
      process.stderr.write(
        `nianbao: ${reports.length} reports exported (${unreadable} unreadable); ${Object.entries(TABLE_FILES)
          .map(([k, f]) => `${f} ${counts[k as keyof typeof TABLE_FILES]} rows`)
          .join(', ')}\n`,
      );
    }
    return 0;
  } finally {
    await run.close();
  }
}
