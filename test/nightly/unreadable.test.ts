import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from './helpers.js';

/**
 * Permission bits do not stop root, so as root the run is made without the
 * capabilities that bypass them (setpriv from util-linux drops them from the
 * bounding set); it stays uid 0, so it still reads the checkout it owns,
 * wherever that is (a mktemp folder is 0700). Any other user runs as itself.
 */
const SETPRIV = '/usr/bin/setpriv';
const root = process.getuid?.() === 0;
const canDrop = !root || existsSync(SETPRIV);
if (!canDrop)
  console.warn(`unreadable.test: running as root without ${SETPRIV}: unreadable files and folders are SKIPPED`);

const REPORTS = join(import.meta.dirname, '../../corpus/reports');

function asUnprivileged(cwd: string, args: string[]) {
  const env = { ...process.env, HOME: join(cwd, 'out'), LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' };
  const command = [process.execPath, BIN, ...args];
  const [exe, ...rest] = root ? [SETPRIV, '--bounding-set=-dac_override,-dac_read_search', ...command] : command;
  return spawnSync(exe!, rest, { cwd, env, encoding: 'utf8' });
}

interface Json {
  files: string[];
  summary: { filesRead: number; unreadable: number; clean: number; warnings: { file: string; message: string }[] };
  findings: { file: string; rule: string; actual: string }[];
}

describe.skipIf(!canDrop)('files and folders the run may not read', () => {
  it('reports each as a finding or warning and audits the rest', () => {
    const dir = tempDir();
    for (const sub of ['c/open', 'c/locked', 'out']) mkdirSync(join(dir, sub), { recursive: true });
    copyFileSync(join(REPORTS, '2019-nanhu-district-office.html'), join(dir, 'c/open/a.html'));
    copyFileSync(join(REPORTS, '2020-dongtan-township.html'), join(dir, 'c/locked/b.html'));
    copyFileSync(join(REPORTS, '2021-baishui-county-edu.html'), join(dir, 'c/open/c.html'));
    writeFileSync(join(dir, 'c/manifest.csv'), 'file,url\nopen/a.html,https://example.gov.cn/a.html\n');
    for (const p of ['c/locked', 'c/open/c.html', 'c/manifest.csv']) chmodSync(join(dir, p), 0o000);

    const run = asUnprivileged(dir, ['audit', 'c', '--out', 'out/r.csv', '--json', 'out/r.json', '--db', 'out/r.db']);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'out/r.json'), 'utf8')) as Json;
    const unreadable = (file: string) => json.findings.find((f) => f.file === file && f.rule === 'extract/unreadable');
    expect(unreadable('c/open/c.html')?.actual).toMatch(/无法打开文件（EACCES）/);
    expect(unreadable('c/locked')?.actual).toMatch(/无法读取文件夹（EACCES）/);
    expect(json.findings.filter((f) => f.file === 'c/open/a.html')).toEqual([]);
    expect(json.summary).toMatchObject({ filesRead: 3, unreadable: 2, clean: 1 });
    expect(json.summary.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/未使用此文件（EACCES/)]);
    expect(run.stderr).toMatch(/解析 1 个，取自缓存 0 个|1 parsed, 0 from cache/);
  });
});
