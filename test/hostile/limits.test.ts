import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/make-corpus.js';
import { nianbao, readCsv, tempDir } from '../nightly/helpers.js';

describe('a limit is not a result', () => {
  it('a file that timed out, ran out of memory or crashed is parsed again by the next run', () => {
    const dir = tempDir();
    makeCorpus(join(dir, 'c'), 3);
    for (const name of ['hang.txt', 'crash.txt', 'oom.txt'])
      writeFileSync(join(dir, 'c', name), `某县${name}局2023年政府信息公开工作年度报告\n`);
    const args = ['audit', 'c', '--db', 'x.db', '--jobs', '2', '--no-progress'];
    const first = nianbao(dir, [...args, '--timeout', '12', '--max-memory', '64'], {
      NIANBAO_TEST_HANG: 'hang.txt',
      NIANBAO_TEST_CRASH: 'crash.txt',
      NIANBAO_TEST_OOM: 'oom.txt',
    });
    expect(first.status).toBe(0);
    const limited = readCsv(join(dir, 'nianbao-out/discrepancies.csv')).filter((r) => r.rule === 'extract/unreadable');
    expect(limited.map((r) => r.actual).join('\n')).toMatch(/超时[\s\S]*|内存超限|异常退出/);
    expect(limited).toHaveLength(3);
    expect(first.stderr).toMatch(/6 parsed, 0 from cache/);
    const second = nianbao(dir, [...args, '--timeout', '60']);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/3 parsed, 3 from cache/);
    const rows = readCsv(join(dir, 'nianbao-out/discrepancies.csv'));
    expect(rows.filter((r) => /超时|内存超限|异常退出/.test(r.actual ?? ''))).toEqual([]);
  }, 90_000);
});
