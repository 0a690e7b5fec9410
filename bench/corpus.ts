/**
 * bench:corpus — a generated corpus of ≥ 2,000 reports (copies of corpus/reports
 * when present, else the text fixture and generated text/HTML reports), then,
 * in one run: cold throughput at --jobs 1 and --jobs 2, a warm re-run with
 * nothing changed (its fixed cost, per-report cost and the extrapolation to
 * 10,000), a warm re-run of 10,000 files (the corpus four times over, under
 * other paths: BENCH_10K=0 skips it), a re-run with 1% of the files changed,
 * and peak RSS (the CLI process plus its worker threads: one process, so
 * /usr/bin/time's max RSS). CPU time is printed beside wall time: the machine
 * may be shared.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCorpus } from './make-corpus.js';

const COUNT = Number(process.env.BENCH_REPORTS ?? 2000);
const BIN = join(import.meta.dirname, '../bin/nianbao.js');
const REAL = join(import.meta.dirname, '../corpus/reports');

interface Timed {
  seconds: number;
  cpu: number;
  rssMb: number;
  stderr: string;
}

function timed(dir: string, args: string[]): Timed {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M CPU=%U+%S', process.execPath, BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`nianbao ${args[0]} failed (${r.status}): ${r.stderr}`);
  const cpu = /CPU=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  return {
    seconds,
    cpu: Number(cpu?.[1] ?? 0) + Number(cpu?.[2] ?? 0),
    rssMb: Number(/RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024,
    stderr: r.stderr.split('\n')[0] ?? '',
  };
}

const audit = (dir: string, db: string, jobs: number) =>
  timed(dir, ['audit', 'c', '--db', db, '--jobs', String(jobs), '--out', `${db}.csv`, '--no-progress']);
const clock = (t: Timed) => `${t.seconds.toFixed(2)} s (CPU ${t.cpu.toFixed(2)} s)`;

/** The corpus four times over under other paths, with a copy of the warm store: a warm run over 10,000 files. */
function warmTenThousand(dir: string, files: number): void {
  const big = join(dir, 'big');
  const copies = Math.ceil(10_000 / files);
  for (let k = 1; k <= copies; k++) cpSync(join(dir, 'c'), join(big, 'c', `copy-${k}`), { recursive: true });
  for (const suffix of ['', '-wal'])
    if (existsSync(join(dir, `j2.db${suffix}`))) cpSync(join(dir, `j2.db${suffix}`), join(big, `j2.db${suffix}`));
  const first = audit(big, 'j2.db', 2);
  console.log(
    `${copies * files} files, first run (parses cached, rules run): ${clock(first)}, peak RSS ${first.rssMb.toFixed(0)} MB`,
  );
  const warm = audit(big, 'j2.db', 2);
  console.log(
    `warm re-run of ${copies * files} files, nothing changed: ${clock(warm)}, peak RSS ${warm.rssMb.toFixed(0)} MB (target ≤ 5 s)`,
  );
  rmSync(big, { recursive: true, force: true });
}

function buildCorpus(dir: string): string {
  const generated = makeCorpus(join(dir, 'c'), COUNT);
  const real = existsSync(REAL) ? readdirSync(REAL).filter((f) => !f.startsWith('.')) : [];
  // real reports, copied under many names, replace part of the generated ones
  for (const [i, path] of generated.entries())
    if (real.length && i % 4 === 0)
      cpSync(
        join(REAL, real[i % real.length]!),
        path.replace(/\.(txt|html)$/, `-real${/\.[^.]+$/.exec(real[i % real.length]!)?.[0] ?? ''}`),
      );
  return real.length
    ? `${generated.length} generated + copies of ${real.length} reports from corpus/reports`
    : `${generated.length} generated (fixture variants, text, HTML)`;
}

function touchOnePercent(dir: string): number {
  const files = readdirSync(join(dir, 'c'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const changed = files.filter((_, i) => i % 100 === 0);
  for (const f of changed) spawnSync('sh', ['-c', `printf '\\n本报告已更新。\\n' >> "${f}"`]);
  return changed.length;
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
try {
  const what = buildCorpus(dir);
  const files = readdirSync(join(dir, 'c'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  console.log(
    `corpus: ${files} files (${what}); machine: ${process.platform} ${process.arch}, ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores, load ${spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.split(' ').slice(0, 3).join(' ')}`,
  );
  const cold1 = audit(dir, 'j1.db', 1);
  console.log(
    `cold --jobs 1: ${clock(cold1)}, ${(files / cold1.seconds).toFixed(1)} reports/s, peak RSS ${cold1.rssMb.toFixed(0)} MB`,
  );
  const cold2 = audit(dir, 'j2.db', 2);
  console.log(
    `cold --jobs 2: ${clock(cold2)}, ${(files / cold2.seconds).toFixed(1)} reports/s, peak RSS ${cold2.rssMb.toFixed(0)} MB`,
  );
  const warm = audit(dir, 'j2.db', 2);
  const fixed = timed(dir, ['--version']);
  const perReport = (warm.seconds - fixed.seconds) / files;
  console.log(
    `warm re-run, nothing changed: ${clock(warm)}, ${((warm.seconds * 1000) / files).toFixed(2)} ms/report; peak RSS ${warm.rssMb.toFixed(0)} MB`,
  );
  console.log(
    `  fixed cost (node start, CLI imports): ${clock(fixed)}; per report beyond it ${(perReport * 1000).toFixed(3)} ms → 10,000 reports ≈ ${(fixed.seconds + perReport * 10_000).toFixed(1)} s (target ≤ 5 s)`,
  );
  if (process.env.BENCH_10K !== '0') warmTenThousand(dir, files);
  const changed = touchOnePercent(dir);
  const partial = audit(dir, 'j2.db', 2);
  console.log(`re-run with ${changed} files (1%) changed: ${clock(partial)}, peak RSS ${partial.rssMb.toFixed(0)} MB`);
  console.log(`  ${partial.stderr}`);
  console.log(
    `peak RSS at --jobs 2: ${Math.max(cold2.rssMb, warm.rssMb, partial.rssMb).toFixed(0)} MB (target ≤ 300 MB)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
