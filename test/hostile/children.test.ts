import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/make-corpus.js';
import { BIN, readCsv, tempDir } from '../nightly/helpers.js';
import { processesNaming } from './processes.js';

/** A converter that never ends: a busy child, a child that leaves the process group, and itself asleep. */
function fakeSoffice(dir: string): string {
  const path = join(dir, 'bin', 'soffice');
  mkdirSync(join(dir, 'bin'));
  writeFileSync(
    path,
    `#!/bin/sh
sh -c 'while :; do :; done' "${dir}/busy" &
setsid sh -c 'touch "$0.started"; sleep 1000' "${dir}/escaped" &
touch "${dir}/started.$$"
exec sh -c 'sleep 1000' "${dir}/asleep"
`,
  );
  chmodSync(path, 0o755);
  return path;
}

function run(cwd: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function started(dir: string): Promise<void> {
  for (let i = 0; i < 600 && !readdirSync(dir).some((n) => n.startsWith('started.')); i++) await sleep(50);
  expect(readdirSync(dir).some((n) => n.startsWith('started.'))).toBe(true);
}

function setup() {
  const dir = tempDir();
  makeCorpus(join(dir, 'c'), 4);
  writeFileSync(join(dir, 'c', 'never-ends.rtf'), '{\\rtf1\\ansi 某县2023年政府信息公开工作年度报告\\par}');
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const env = { NIANBAO_SOFFICE: fakeSoffice(dir), TMPDIR: tmp };
  return { dir, tmp, env };
}

describe('a conversion that never ends', () => {
  it('is a timeout finding, and the run leaves no process and no temporary directory behind', async () => {
    const { dir, tmp, env } = setup();
    const r = run(dir, ['audit', 'c', '--timeout', '15', '--jobs', '2', '--db', 'x.db', '--no-progress'], env);
    expect(await r.exited).toBe(0);
    const rows = readCsv(join(dir, 'nianbao-out/discrepancies.csv'));
    expect(rows.find((x) => x.file === 'c/never-ends.rtf')?.actual).toMatch(/超时/);
    // the converter's own limit or, on a loaded machine, the task's: either way its children end with it
    expect(readdirSync(dir).filter((n) => n.includes('started'))).toHaveLength(2);
    expect(processesNaming(dir)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  }, 60_000);

  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    it(`ends with the run on ${signal}: exit ${signal === 'SIGINT' ? 130 : 143}, no process, no temporary directory`, async () => {
      const { dir, tmp, env } = setup();
      const r = run(dir, ['audit', 'c', '--timeout', '60', '--jobs', '1', '--db', 'x.db', '--no-progress'], env);
      await started(dir);
      r.child.kill(signal);
      expect(await r.exited).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(r.stderr()).toMatch(/stopped by SIG/);
      await sleep(200);
      expect(processesNaming(dir)).toEqual([]);
      expect(readdirSync(tmp)).toEqual([]);
    }, 60_000);

  it('ends within seconds of its limit even when the run itself is killed with SIGKILL', async () => {
    const { dir, tmp, env } = setup();
    const r = run(dir, ['audit', 'c', '--timeout', '6', '--jobs', '1', '--db', 'x.db', '--no-progress'], env);
    await started(dir);
    r.child.kill('SIGKILL');
    await r.exited;
    // the wall-clock backstop (timeout -s KILL) fires at the limit plus 2 s; the PID namespace takes the escaped child along
    for (let i = 0; i < 150 && processesNaming(dir).length; i++) await sleep(100);
    expect(processesNaming(dir)).toEqual([]);
    // what the killed run left in the temporary folder goes with the next run
    expect(readdirSync(tmp)).not.toEqual([]);
    writeFileSync(join(dir, 'next.txt'), '某县2023年政府信息公开工作年度报告\n');
    const next = run(dir, ['audit', 'next.txt', '--db', 'y.db', '--no-progress'], env);
    expect(await next.exited).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
  }, 60_000);
});
