import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/make-corpus.js';
import type { ShardDocument } from '../../src/nightly/shard-output.js';
import { BIN, nianbao, readCsv, tempDir } from './helpers.js';

const COPIES = 160;
const HEAP_MB = 64;

/** A shard 1/1 of the corpus `COPIES` times over under other folders, written piece by piece as audit writes it. */
function bigShard(small: ShardDocument, path: string): void {
  const fd = openSync(path, 'w');
  const put = (text: string) => writeSync(fd, text);
  const element = (v: unknown, first: boolean) =>
    `${first ? '' : ','}\n    ${JSON.stringify(v, null, 2).replaceAll('\n', '\n    ')}`;
  const moved = (k: number, file: string) => `copy-${k}/${file}`;
  const files = Array.from({ length: COPIES }, (_, k) => small.files.map((f) => moved(k, f))).flat();
  const head = JSON.stringify({ ...small, files, findings: [], reports: [] }, null, 2);
  const [before, after] = head.split('\n  "findings": []');
  put(`${before}\n  "findings": [`);
  let first = true;
  for (let k = 0; k < COPIES; k++)
    for (const f of small.findings) {
      put(element({ ...f, file: moved(k, f.file) }, first));
      first = false;
    }
  const [middle] = after!.split('\n  "reports": []');
  put(`\n  ]${middle}\n  "reports": [`);
  first = true;
  for (let k = 0; k < COPIES; k++)
    for (const r of small.reports!) {
      put(element({ ...r, file: moved(k, r.file) }, first));
      first = false;
    }
  put('\n  ]\n}\n');
  closeSync(fd);
}

describe('merge of a shard larger than the heap', () => {
  it(`reads a shard of ${COPIES} corpus copies (over 100 MB) under a ${HEAP_MB} MB heap, each copy's findings whole, and stops on SIGTERM midway`, async () => {
    const dir = tempDir();
    try {
      const fullMs = check(dir);
      await stopMidway(dir, fullMs);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

function check(dir: string): number {
  makeCorpus(join(dir, 'c'), 30);
  expect(
    nianbao(dir, ['audit', 'c', '--shard', '1/1', '--json', 'small.json', '--db', 's.db', '--silent']).status,
  ).toBe(0);
  const small = JSON.parse(readFileSync(join(dir, 'small.json'), 'utf8')) as ShardDocument;
  expect(nianbao(dir, ['merge', 'small.json', '--db', 'one.db', '--out', 'one.csv', '--silent']).status).toBe(0);
  bigShard(small, join(dir, 'big.json'));
  expect(statSync(join(dir, 'big.json')).size).toBeGreaterThan(100 * 2 ** 20);
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, BIN, 'merge', 'big.json', '--db', 'big.db', '--out', 'big.csv', '--silent'],
    { cwd: dir, encoding: 'utf8' },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const one = readCsv(join(dir, 'one.csv'));
  const big = readCsv(join(dir, 'big.csv'));
  expect(one.length).toBeGreaterThan(0);
  expect(big.length).toBe(COPIES * one.length);
  const rows = (rows: Record<string, string>[]) =>
    rows.map((r) => [r.file!.replace(/^copy-\d+\//, ''), r.rule, r.location, r.actual].join('|')).sort();
  expect(rows(big.filter((r) => r.file!.startsWith('copy-7/')))).toEqual(rows(one));
  return Date.now() - t0;
}

/** SIGTERM midway through a merge (at half an uninterrupted one's time): it ends at once, writes no output, leaves no scratch store. */
async function stopMidway(dir: string, fullMs: number): Promise<void> {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, BIN, 'merge', 'big.json', '--db', 'stop.db', '--out', 'stop.csv', '--silent'],
    {
      cwd: dir,
      stdio: 'ignore',
    },
  );
  const scratch = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`nianbao-run-${child.pid}-`));
  await new Promise((r) => setTimeout(r, fullMs * 0.5));
  const signalled = Date.now();
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  expect(Date.now() - signalled, 'ms from SIGTERM to exit').toBeLessThan(3_000);
  expect(code).toBe(143);
  expect(existsSync(join(dir, 'stop.csv'))).toBe(false);
  expect(scratch()).toEqual([]);
}
