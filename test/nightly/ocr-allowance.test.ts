/**
 * A scan's recognition earns time: the worker tells the pool how many pages it is
 * recognising, and the file's limit grows by ocrPageMs for each. Recognition is
 * stood in for by the worker's NIANBAO_TEST_SCAN hook (a wait of the given length).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ParsePool } from '../../src/nightly/pool.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-ocr-allowance-'));
const file = (name: string) => {
  writeFileSync(join(dir, name), '某县交通运输局2023年政府信息公开工作年度报告\n');
  return join(dir, name);
};

describe('the time limit of a file that is a scan', () => {
  // workers copy the environment when they start
  process.env.NIANBAO_TEST_SCAN = 'scan.txt:2:2500,long.txt:1:6000,plain.txt:0:2500';
  const pool = new ParsePool({ jobs: 1, timeoutMs: 1000, maxMemoryMb: 256, ocrPageMs: 1500 });
  afterAll(async () => {
    await pool.close();
    delete process.env.NIANBAO_TEST_SCAN;
  });

  it('grows by the allowance of each page recognised', { timeout: 30_000 }, async () => {
    const outcome = await pool.parse(file('scan.txt'));
    expect(outcome.failure).toBeNull();
  });

  it('still ends a scan that runs past it, and says that the scan’s time was included', {
    timeout: 30_000,
  }, async () => {
    const started = Date.now();
    const outcome = await pool.parse(file('long.txt'));
    expect(outcome.failure).toMatch(/解析超时（超过 3 秒，含扫描件 1 页文字识别的时间）/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('is the plain limit for a file that is no scan', { timeout: 30_000 }, async () => {
    const outcome = await pool.parse(file('plain.txt'));
    expect(outcome.failure).toMatch(/解析超时（超过 1 秒）/);
  });
});
