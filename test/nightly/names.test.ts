import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nianbao, readCsv, tempDir } from './helpers.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/linwei-hrss-2023.txt');
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('file names that are not valid UTF-8', () => {
  it('are read through their bytes and reported under their lossless name in CSV, JSON, HTML and the store', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'c'));
    // 报告.txt and 年/ in GBK, as an archive unzipped on Linux leaves them
    copyFileSync(FIXTURE, bytes(dir, '/c/', [0xb1, 0xa8, 0xb8, 0xe6], '.txt'));
    mkdirSync(bytes(dir, '/c/', [0xc4, 0xea]));
    copyFileSync(FIXTURE, bytes(dir, '/c/', [0xc4, 0xea], '/x.txt'));
    const args = ['audit', 'c', '--db', 'x.db', '--json', 'o.json', '--html', 'o.html', '--no-progress'];
    const first = nianbao(dir, args);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/2 files read, 0 unreadable/);
    const names = ['c/\\xB1\\xA8\\xB8\\xE6.txt', 'c/\\xC4\\xEA/x.txt'];
    const csv = readCsv(join(dir, 'nianbao-out/discrepancies.csv'));
    expect([...new Set(csv.map((r) => r.file))].sort()).toEqual(names);
    expect(csv.filter((r) => r.rule === 'extract/unreadable')).toEqual([]);
    const json = JSON.parse(readFileSync(join(dir, 'o.json'), 'utf8'));
    expect(json.files.sort()).toEqual(names);
    const html = readFileSync(join(dir, 'o.html'), 'utf8');
    expect(html).toContain('"file":"c/\\\\xB1\\\\xA8\\\\xB8\\\\xE6.txt"');
    // the link opens the real file: its bytes percent-encoded
    expect(html).toContain('"href":"c/%B1%A8%B8%E6.txt"');
    const warm = nianbao(dir, args);
    expect(warm.stderr).toMatch(/0 parsed, 2 from cache/);
    expect(warm.stderr).toMatch(/0 new, \d+ persisting, 0 resolved/);
  }, 60_000);

  it('a folder past PATH_MAX is an unreadable finding of its own, and the run goes on', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'c'));
    copyFileSync(FIXTURE, join(dir, 'c/a.txt'));
    // made one level at a time from inside the last: a path this long cannot be named whole
    const script = `const fs = require('fs'); process.chdir('c');
      for (let i = 0; i < 22; i++) { fs.mkdirSync('d'.repeat(200)); process.chdir('d'.repeat(200)); }
      fs.writeFileSync('deep.txt', 'x');`;
    execFileSync(process.execPath, ['-e', script], { cwd: dir });
    const run = nianbao(dir, ['audit', 'c', '--db', 'x.db', '--no-progress']);
    expect(run.status, run.stderr).toBe(0);
    const rows = readCsv(join(dir, 'nianbao-out/discrepancies.csv'));
    expect(rows.some((r) => r.file === 'c/a.txt')).toBe(true);
    const deepRows = rows.filter((r) => (r.file ?? '').length > 4096);
    expect(deepRows.map((r) => r.actual)).toEqual([expect.stringMatching(/无法读取文件夹（ENAMETOOLONG）/)]);
  }, 60_000);
});
