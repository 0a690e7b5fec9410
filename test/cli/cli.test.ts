import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/audit/rules/index.js';

const ROOT = join(import.meta.dirname, '../..');
const SEED = join(ROOT, 'test/fixtures/linwei-hrss-2023.txt');

function nianbao(args: string[], cwd = mkdtempSync(join(tmpdir(), 'nianbao-cli-')), env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/nianbao.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8', ...env },
    timeout: 60_000,
  });
  return { ...r, cwd };
}

describe('nianbao CLI (built dist/)', () => {
  it('audit writes the CSV, prints a summary and exits 0 with findings', () => {
    const r = nianbao(['audit', SEED]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/nianbao: 1 files read, 0 unreadable, 0 clean; \d+ findings/);
    const csv = readFileSync(join(r.cwd, 'nianbao-out/discrepancies.csv'), 'utf8');
    expect(
      csv.split('\r\n')[0]!.startsWith('\ufefffile,agency,year,rule,severity,location,expected,actual,message'),
    ).toBe(true);
    expect(csv).toContain('structure/missing-section');
    expect(csv).not.toContain('review-litigation/total');
  });

  it('--fail-on error exits 1 on an error; --fail-on warning exits 1 on a report with only warnings', () => {
    expect(nianbao(['audit', SEED, '--fail-on', 'error']).status).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    writeFileSync(
      join(dir, 'x.txt'),
      '某局2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |\n',
    );
    const r = nianbao(['audit', 'x.txt', '--fail-on', 'warning'], dir);
    expect(r.status).toBe(1);
  });

  it('an unreadable file is a finding, and the run goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    writeFileSync(join(dir, 'empty.pdf'), '');
    const r = nianbao(['audit', 'empty.pdf', SEED, '--json', 'out.json'], dir);
    expect(r.status).toBe(0);
    const out = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(out.summary).toMatchObject({ filesRead: 2, unreadable: 1 });
    expect(
      out.findings
        .filter((f: { rule: string }) => f.rule === 'extract/unreadable')
        .map((f: { file: string }) => f.file),
    ).toEqual(['empty.pdf']);
  });

  it('bad usage exits 2', () => {
    expect(nianbao(['audit']).status).toBe(2);
    expect(nianbao(['audit', SEED, '--fail-on', 'sometimes']).status).toBe(2);
    expect(nianbao(['frobnicate']).status).toBe(2);
  });

  it('extract runs under the limits of audit: a FIFO, a device, a hang end promptly with exit 2 and a reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const started = Date.now();
    const fifo = nianbao(['extract', 'pipe.txt'], dir);
    expect(fifo).toMatchObject({ status: 2, stdout: '' });
    expect(fifo.stderr).toMatch(/pipe\.txt: 不是普通文件（命名管道 FIFO），未读取/);
    const zero = nianbao(['extract', '/dev/zero'], dir);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toMatch(/不是普通文件（字符设备）/);
    writeFileSync(join(dir, 'hang.txt'), '某县水利局2023年政府信息公开工作年度报告\n');
    const hang = nianbao(['extract', 'hang.txt', '--timeout', '2'], dir, { NIANBAO_TEST_HANG: 'hang.txt' });
    expect(hang.status).toBe(2);
    expect(hang.stderr).toMatch(/解析超时（超过 2 秒）/);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(nianbao(['extract', 'missing.txt'], dir)).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/ENOENT/),
    });
  }, 60_000);

  it('extract prints the model with every key of the contract', () => {
    const r = nianbao(['extract', SEED]);
    expect(r.status).toBe(0);
    const model = JSON.parse(r.stdout);
    expect(Object.keys(model)).toEqual(
      expect.arrayContaining(['schemaVersion', 'source', 'meta', 'sections', 'tables', 'diagnostics']),
    );
    expect(Object.keys(model.meta)).toEqual(
      expect.arrayContaining(['title', 'agency', 'year', 'template', 'periodStart', 'periodEnd']),
    );
    expect(model.source).toMatchObject({ format: 'txt', pages: null });
    expect(model.tables.reviewLitigation.litigation_direct.total).toEqual({
      value: 2,
      raw: '2',
      page: null,
      state: 'number',
    });
  });

  it('rules lists every implemented rule and nothing else', () => {
    const r = nianbao(['rules', '--json']);
    expect(JSON.parse(r.stdout).map((x: { id: string }) => x.id)).toEqual(RULES.map((x) => x.id));
  });

  it('--html writes a self-contained page', () => {
    const r = nianbao(['audit', SEED, '--html', 'report.html']);
    const html = readFileSync(join(r.cwd, 'report.html'), 'utf8');
    expect(html).toContain('表四/行政复议');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });
});
