import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/make-corpus.js';
import { nianbao, readCsv, tempDir } from '../nightly/helpers.js';

describe('nothing a corpus holds stops the run', () => {
  it('bad side files are warnings; links, loops, FIFOs and dangling links are read or reported, never lost', () => {
    const dir = tempDir();
    const c = join(dir, 'c');
    makeCorpus(c, 3);
    writeFileSync(join(c, 'manifest.csv'), 'file,agency,agency\n"report-0001.txt,某局\n');
    writeFileSync(join(c, 'nianbao-triage.csv'), 'fingerprint,decision\n"abc,false-positive');
    mkdirSync(join(c, 'sub'));
    execFileSync('mkfifo', [join(c, 'sub', 'manifest.csv')]);
    execFileSync('mkfifo', [join(c, 'pipe.pdf')]);
    writeFileSync(join(dir, 'outside.txt'), '某县档案局2023年政府信息公开工作年度报告\n');
    symlinkSync(join(dir, 'outside.txt'), join(c, 'linked.txt'));
    symlinkSync('..', join(c, 'sub', 'loop'));
    symlinkSync('/nonexistent/x.pdf', join(c, 'dangling.pdf'));
    const run = nianbao(dir, ['audit', 'c', 'c/sub', '--db', 'x.db', '--no-progress']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/manifest\.csv: 未使用此文件（Duplicate headers/);
    expect(run.stderr).toMatch(/nianbao-triage\.csv: 未使用此文件（Parse Error/);
    expect(run.stderr).toMatch(/sub\/manifest\.csv: 未使用此文件（不是普通文件）/);
    const rows = readCsv(join(dir, 'nianbao-out/discrepancies.csv'));
    const actual = (file: string) => rows.filter((r) => r.file === file).map((r) => r.actual);
    expect(actual('c/pipe.pdf')).toEqual(['不是普通文件（命名管道 FIFO），未读取']);
    expect(actual('c/dangling.pdf')).toEqual(['符号链接指向的文件不存在']);
    expect(actual('c/linked.txt').length).toBeGreaterThan(0);
    expect(actual('c/linked.txt').join()).not.toMatch(/无法|不是普通文件/);
    // every report once, through the loop or not: three corpus reports, the link, the FIFO, the dangling link
    expect(run.stderr).toMatch(/^nianbao: 6 files read/m);
  }, 60_000);
});
