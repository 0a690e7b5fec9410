import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SEED = join(ROOT, 'test/fixtures/linwei-hrss-2023.txt');

function nianbao(args: string[], options: { cwd?: string; lang?: string } = {}) {
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), 'nianbao-contract-'));
  const locale = options.lang ?? 'zh_CN.UTF-8';
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/nianbao.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LANG: locale, LC_ALL: locale },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, cwd };
}

describe('help and typos', () => {
  it('audit --help prints every option in Chinese and exits 0', () => {
    const r = nianbao(['audit', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^用法： nianbao audit/);
    for (const option of [
      '--out',
      '--format',
      '--json',
      '--html',
      '--jobs',
      '--fail-on',
      '--max-warnings',
      '--quiet',
      '--config',
    ])
      expect(r.stdout).toContain(option);
    expect(r.stdout).toContain('退出码');
  });

  it('is English with LANG=en_US or --lang en', () => {
    expect(nianbao(['audit', '--help'], { lang: 'en_US.UTF-8' }).stdout).toMatch(/^Usage: nianbao audit/);
    expect(nianbao(['--lang', 'en', 'audit', '--help']).stdout).toContain('report errors only');
  });

  it('audti suggests audit and exits 2', () => {
    const r = nianbao(['audti', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('未知命令 “audti”');
    expect(r.stderr).toContain('您是不是要输入 audit');
    expect(nianbao(['audti'], { lang: 'en_US.UTF-8' }).stderr).toContain('(Did you mean audit?)');
  });

  it('checks values before running', () => {
    const r = nianbao(['audit', SEED, '--jobs', 'zero']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--jobs 需要一个正数');
    expect(nianbao(['audit', SEED, '--format', 'xml']).stderr).toContain('可选');
  });
});

describe('the exit-code table', () => {
  const rows: [string, () => ReturnType<typeof nianbao>, number, RegExp][] = [
    ['findings, no --fail-on', () => nianbao(['audit', SEED, '--silent']), 0, /^$/],
    ['--fail-on error with an error', () => nianbao(['audit', SEED, '--silent', '--fail-on', 'error']), 1, /^$/],
    ['--max-warnings 0 with warnings', () => nianbao(['audit', SEED, '--silent', '--max-warnings', '0']), 1, /^$/],
    ['--max-warnings 999', () => nianbao(['audit', SEED, '--silent', '--max-warnings', '999']), 0, /^$/],
    ['a missing path', () => nianbao(['audit', '/nonexistent']), 2, /^nianbao: 路径不存在：\/nonexistent\n$/],
    [
      'a folder with no report',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'nianbao-contract-'));
        mkdirSync(join(dir, 'empty'));
        writeFileSync(join(dir, 'empty', 'notes.xlsx'), '');
        return nianbao(['audit', 'empty'], { cwd: dir });
      },
      2,
      /^nianbao: 路径下没有报告文件：empty\n$/,
    ],
    [
      'an unwritable output',
      () => nianbao(['audit', SEED, '--out', '/proc/x.csv']),
      2,
      /^nianbao: 无法写入 \/proc\/x\.csv（\w+）\n$/,
    ],
    ['no command', () => nianbao([]), 2, /用法/],
    ['an unknown option', () => nianbao(['audit', SEED, '--frobnicate']), 2, /未知选项/],
  ];
  it.each(rows)('%s', (_name, run, code, stderr) => {
    const r = run();
    expect(r.status).toBe(code);
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing path does not overwrite the last discrepancy list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-contract-'));
    mkdirSync(join(dir, 'nianbao-out'));
    writeFileSync(join(dir, 'nianbao-out/discrepancies.csv'), 'last night\n');
    expect(nianbao(['audit', 'gone'], { cwd: dir }).status).toBe(2);
    expect(readFileSync(join(dir, 'nianbao-out/discrepancies.csv'), 'utf8')).toBe('last night\n');
  });

  it('merge with a shard missing exits 2 and names it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-contract-'));
    for (const k of [1, 3])
      expect(nianbao(['audit', SEED, '--shard', `${k}/3`, '--silent'], { cwd: dir }).status).toBe(0);
    const r = nianbao(['merge', 'nianbao-out/shard-1-of-3.json', 'nianbao-out/shard-3-of-3.json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('nianbao: 缺少分片：2/3\n');
  });
});

describe('formats', () => {
  it('--out - writes CSV to stdout when it is not a terminal; --format stylish groups by file', () => {
    const csv = nianbao(['audit', SEED, '--out', '-', '--silent']);
    expect(
      csv.stdout.startsWith(
        '\ufefffile,agency,year,rule,severity,location,expected,actual,message,status,triage,fingerprint,page,source_url,report,previous_file',
      ),
    ).toBe(true);
    const text = nianbao(['audit', SEED, '--out', '-', '--format', 'stylish', '--silent']);
    expect(text.stdout.split('\n')[1]).toBe(SEED);
    expect(text.stdout).toMatch(/✖ \d+ 条问题（错误 \d+，警告 \d+，提示 0）/);
  });

  it('--quiet reports errors only; the summary is Chinese by default', () => {
    const r = nianbao(['audit', SEED, '--out', '-', '--format', 'json', '--quiet']);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.length).toBeGreaterThan(0);
    expect(doc.findings.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
    expect(r.stderr).toMatch(/^nianbao：读取 1 个文件/);
  });
});
