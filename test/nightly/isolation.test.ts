import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/make-corpus.js';
import { nianbao, readCsv, tempDir } from './helpers.js';

describe('a document that hangs or kills its worker', () => {
  // the limit also covers a replacement worker's start-up, so it is generous enough for a loaded CI machine
  it('becomes an extract/unreadable finding and every other document is audited', () => {
    const dir = tempDir();
    makeCorpus(join(dir, 'c'), 12);
    writeFileSync(join(dir, 'c', 'hang.txt'), '某县水利局2023年政府信息公开工作年度报告\n');
    writeFileSync(join(dir, 'c', 'crash.txt'), '某县财政局2023年政府信息公开工作年度报告\n');
    writeFileSync(join(dir, 'c', 'oom.txt'), '某县民政局2023年政府信息公开工作年度报告\n');
    const run = nianbao(dir, ['audit', 'c', '--jobs', '2', '--timeout', '10', '--max-memory', '64', '--no-progress'], {
      NIANBAO_TEST_HANG: 'hang.txt',
      NIANBAO_TEST_CRASH: 'crash.txt',
      NIANBAO_TEST_OOM: 'oom.txt',
    });
    expect(run.status).toBe(0);
    const rows = readCsv(join(dir, 'nianbao-out/discrepancies.csv'));
    const unreadable = (name: string) =>
      rows.find((r) => r.file === `c/${name}` && r.rule === 'extract/unreadable')?.actual;
    expect(unreadable('hang.txt')).toMatch(/超时/);
    expect(unreadable('crash.txt')).toMatch(/异常退出/);
    expect(unreadable('oom.txt')).toMatch(/内存超限/);
    expect(rows.filter((r) => r.rule === 'extract/unreadable')).toHaveLength(3);
    expect(run.stderr).toMatch(/15 files read, 3 unreadable/);
    const audited = new Set(rows.map((r) => r.file));
    expect(audited.size).toBe(15);
  });
});

describe('rules that never end', () => {
  it('end as a timeout finding for their file within the limit, are not cached, and the run goes on', () => {
    const dir = tempDir();
    makeCorpus(join(dir, 'c'), 4);
    const victimPath = (readdirSync(join(dir, 'c'), { recursive: true }) as string[])
      .filter((f) => /\.(txt|html)$/.test(f))
      .sort()[0]!;
    const victim = basename(victimPath);
    const args = ['audit', 'c', '--db', 'x.db', '--jobs', '2', '--timeout', '3', '--no-progress'];
    const started = Date.now();
    const run = nianbao(dir, args, { NIANBAO_TEST_RULES_HANG: victim });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.status).toBe(0);
    const rows = readCsv(join(dir, 'nianbao-out/discrepancies.csv'));
    expect(rows.find((r) => r.file === `c/${victimPath}`)).toMatchObject({
      rule: 'extract/unreadable',
      // parsed in this run: its rules had only what the parse left of the file's 3 s
      actual: expect.stringMatching(/核查规则超时（解析与核查共用 3 秒时限/),
    });
    expect(rows.filter((r) => r.rule === 'extract/unreadable')).toHaveLength(1);
    // the parse was cached, the timeout was not: the next run only runs the rules again, with the whole limit
    const cachedParse = nianbao(dir, args, { NIANBAO_TEST_RULES_HANG: victim });
    expect(cachedParse.stderr).toMatch(/0 parsed, 4 from cache/);
    expect(readCsv(join(dir, 'nianbao-out/discrepancies.csv')).find((r) => r.file === `c/${victimPath}`)).toMatchObject(
      { actual: expect.stringMatching(/核查规则超时（超过 3 秒）/) },
    );
    const again = nianbao(dir, args);
    expect(again.stderr).toMatch(/0 parsed, 4 from cache/);
    const rerun = readCsv(join(dir, 'nianbao-out/discrepancies.csv'));
    expect(rerun.filter((r) => r.rule === 'extract/unreadable')).toEqual([]);
    expect(rerun.some((r) => r.file === `c/${victimPath}`)).toBe(true);
  }, 90_000);
});
