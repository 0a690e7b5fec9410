import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Store } from '../nightly/store.js';
import { UsageError } from './usage.js';

/** Lists the completed runs of a run store, oldest first. */
export function runsCommand(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, json: { type: 'boolean' } } });
  const db = values.db ?? 'nianbao-out/nianbao.db';
  if (!existsSync(db)) throw new UsageError(`no run store at ${db} (run nianbao audit first, or pass --db FILE)`);
  const store = new Store(db);
  try {
    const runs = store.runs();
    if (values.json) {
      process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
      return 0;
    }
    process.stdout.write('run  finished                  files  findings    new  resolved  triaged\n');
    for (const r of runs) {
      const cells = [
        String(r.id).padStart(3),
        r.finished.padEnd(24),
        String(r.files).padStart(6),
        String(r.findings).padStart(9),
        String(r.newFindings).padStart(6),
        String(r.resolved).padStart(9),
        String(r.triaged).padStart(8),
      ];
      process.stdout.write(`${cells.join('  ')}\n`);
    }
    return 0;
  } finally {
    store.close();
  }
}
