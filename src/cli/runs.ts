import { existsSync } from 'node:fs';
import { Store } from '../nightly/store.js';
import { say } from './lang.js';
import { CliError } from './usage.js';

/** Lists the completed runs of a run store, oldest first. */
export function runsCommand(options: { db: string; json?: boolean }): number {
  if (!existsSync(options.db))
    throw new CliError(
      say(
        `没有运行记录库 ${options.db}（请先运行 nianbao audit，或用 --db 指定）`,
        `no run store at ${options.db} (run nianbao audit first, or pass --db FILE)`,
      ),
    );
  const store = new Store(options.db);
  try {
    const runs = store.runs();
    if (options.json) {
      process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
      return 0;
    }
    process.stdout.write(
      say(
        '次序 完成时间                  文件数    问题数    新增    已解决   已分诊\n',
        'run  finished                  files  findings    new  resolved  triaged\n',
      ),
    );
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
