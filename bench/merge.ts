/**
 * bench:merge — shard runs and `merge` at two corpus sizes: the generated
 * corpus (BENCH_REPORTS, default 2,500) and four copies of it under other
 * paths. Per size: an unsharded audit (parses the store, kept for the
 * shards), SHARDS shard runs on copies of that store, and `merge` of their
 * JSON; peak RSS and time of each (one process with its worker threads:
 * /usr/bin/time's max RSS). Checks that the merged CSV equals the unsharded
 * run's. BENCH_BIN runs another build (a copy of bin/ and dist/).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeCorpus } from './make-corpus.js';

const COUNT = Number(process.env.BENCH_REPORTS ?? 2500);
const SHARDS = Number(process.env.BENCH_SHARDS ?? 3);
const COPIES = Number(process.env.BENCH_COPIES ?? 4);
const BIN = process.env.BENCH_BIN ?? join(import.meta.dirname, '../bin/nianbao.js');

function timed(dir: string, args: string[]): { seconds: number; rssMb: number } {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M', process.execPath, BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`nianbao ${args[0]} failed (${r.status}): ${r.stderr}`);
  return {
    seconds: (performance.now() - started) / 1000,
    rssMb: Number(/RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024,
  };
}

const show = (t: { seconds: number; rssMb: number }) => `${t.seconds.toFixed(1)} s, peak RSS ${t.rssMb.toFixed(0)} MB`;

function size(dir: string, reports: number): void {
  const common = ['--jobs', '2', '--no-progress', '--silent'];
  const one = timed(dir, ['audit', 'c', '--db', 'one.db', '--out', 'one.csv', ...common]);
  console.log(`${reports} reports: unsharded audit ${show(one)}`);
  for (let k = 1; k <= SHARDS; k++) {
    cpSync(join(dir, 'one.db'), join(dir, `s${k}.db`));
    const t = timed(dir, [
      'audit',
      'c',
      '--shard',
      `${k}/${SHARDS}`,
      '--db',
      `s${k}.db`,
      '--out',
      `s${k}.csv`,
      '--json',
      `s${k}.json`,
      ...common,
    ]);
    const mb = statSync(join(dir, `s${k}.json`)).size / 2 ** 20;
    console.log(`  shard ${k}/${SHARDS} (store warm): ${show(t)}; its JSON ${mb.toFixed(0)} MB`);
  }
  const shards = Array.from({ length: SHARDS }, (_, i) => `s${i + 1}.json`);
  const merge = timed(dir, ['merge', ...shards, '--db', 'merged.db', '--out', 'merged.csv', '--silent']);
  const same = readFileSync(join(dir, 'merged.csv')).equals(readFileSync(join(dir, 'one.csv')));
  console.log(
    `  merge of ${SHARDS} shards: ${show(merge)}; merged CSV ${same ? 'equals' : 'DIFFERS FROM'} the unsharded`,
  );
  if (!same) process.exitCode = 1;
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-merge-'));
try {
  const files = makeCorpus(join(dir, 'c'), COUNT).length;
  size(dir, files);
  const big = join(dir, 'big');
  for (let k = 1; k <= COPIES; k++) cpSync(join(dir, 'c'), join(big, 'c', `copy-${k}`), { recursive: true });
  cpSync(join(dir, 'one.db'), join(big, 'one.db'));
  // the parses stay cached, the history goes: the unsharded run and the merge both start without one
  const db = new Database(join(big, 'one.db'));
  db.exec('DELETE FROM runs; DELETE FROM findings;');
  db.close();
  size(big, files * COPIES);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
