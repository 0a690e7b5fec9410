import { existsSync } from 'node:fs';
import { auditPaths } from '../nightly/run.js';
import { TABLE_FILES, writeTidyTables } from '../output/tables.js';
import { say } from './lang.js';
import { CliError } from './usage.js';

/** Writes the corpus-wide dataset: 表二, 表三 and 表四 of every readable report, through the same cache as audit. */
export async function exportCommand(
  paths: string[],
  options: { tables: string; db: string; jobs?: number; quiet?: boolean },
): Promise<number> {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length)
    throw new CliError(say(`路径不存在：${missing.join('、')}`, `no such path: ${missing.join(', ')}`));
  const jobs = options.jobs === undefined ? undefined : Math.floor(options.jobs);
  const run = await auditPaths(paths, { db: options.db, jobs });
  try {
    let exported = 0;
    const counted = function* () {
      for (const r of run.slim()) {
        exported++;
        yield r;
      }
    };
    const counts = await writeTidyTables(options.tables, counted());
    if (!options.quiet) {
      const unreadable = run.files.length - exported;
      process.stderr.write(
        `nianbao: ${exported} reports exported (${unreadable} unreadable); ${Object.entries(TABLE_FILES)
          .map(([k, f]) => `${f} ${counts[k as keyof typeof TABLE_FILES]} rows`)
          .join(', ')}\n`,
      );
    }
    return 0;
  } finally {
    await run.close();
  }
}
