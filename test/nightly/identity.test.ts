import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { makeCorpus, tinyReport } from '../../bench/make-corpus.js';
import { nianbao, readCsv, tempDir } from './helpers.js';

const base = { agency: '某县水利局', newReceived: 3, issued: 1, repealed: 0 };

function corpus(dir: string): void {
  makeCorpus(dir, 6);
  writeFileSync(
    join(dir, 'w-2022.txt'),
    tinyReport({ ...base, year: 2022, carriedOver: 0, carriedForward: 1, inForce: 9 }),
  );
  writeFileSync(
    join(dir, 'w-2023.txt'),
    tinyReport({ ...base, year: 2023, carriedOver: 2, carriedForward: 0, inForce: 10 }),
  );
}

describe('a finding keeps its identity', () => {
  it('audited from three working directories, then moved: 0 new, triage kept', () => {
    const dir = tempDir();
    const c = join(dir, 'corpus');
    corpus(c);
    const db = join(dir, 'store.db');
    const first = nianbao(dir, ['audit', 'corpus', '--db', db, '--out', 'a.csv', '--no-progress']);
    expect(first.status).toBe(0);
    const rows = readCsv(join(dir, 'a.csv'));
    expect(rows.length).toBeGreaterThan(5);
    const triaged = rows.find((r) => r.rule === 'cross-year/carry-over')!;
    writeFileSync(join(c, 'nianbao-triage.csv'), `fingerprint,decision,note\n${triaged.fingerprint},accepted,\n`);

    mkdirSync(join(dir, 'elsewhere'));
    const runs = [
      nianbao(c, ['audit', '.', '--db', db, '--out', join(dir, 'b.csv'), '--no-progress']),
      nianbao(join(dir, 'elsewhere'), [
        'audit',
        `${join('..', 'corpus')}/`,
        '--db',
        db,
        '--out',
        join(dir, 'c.csv'),
        '--no-progress',
      ]),
    ];
    const moved = join(dir, 'moved', 'renamed-corpus');
    mkdirSync(join(dir, 'moved'));
    renameSync(c, moved);
    runs.push(nianbao(dir, ['audit', moved, '--db', db, '--out', join(dir, 'd.csv'), '--no-progress']));
    for (const r of runs) {
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/; 0 new, \d+ persisting, 0 resolved since run \d, 1 triaged/);
    }
    for (const out of ['b.csv', 'c.csv', 'd.csv']) {
      const again = readCsv(join(dir, out));
      expect(again.map((r) => r.fingerprint).sort()).toEqual(rows.map((r) => r.fingerprint).sort());
      expect(again.find((r) => r.fingerprint === triaged.fingerprint)?.triage).toBe('accepted');
    }
  });

  it('a copy of the corpus in another folder gets the same fingerprints and report ids', () => {
    const dir = tempDir();
    corpus(join(dir, 'a'));
    cpSync(join(dir, 'a'), join(dir, 'b', 'deeper'), { recursive: true });
    nianbao(dir, ['audit', 'a', '--db', ':memory:', '--out', 'a.csv', '--silent']);
    nianbao(join(dir, 'b'), ['audit', 'deeper', '--db', ':memory:', '--out', 'b.csv', '--silent']);
    const key = (r: Record<string, string>) => `${r.fingerprint} ${r.report}`;
    expect(readCsv(join(dir, 'b', 'b.csv')).map(key)).toEqual(readCsv(join(dir, 'a.csv')).map(key));
  });
});

describe('side files written by Excel', () => {
  it('reads a GBK manifest and a GBK triage file that uses the output column name triage', () => {
    const dir = tempDir();
    const c = join(dir, 'c');
    corpus(c);
    writeFileSync(
      join(c, 'w-2023.txt'),
      tinyReport({ ...base, agency: '某县水务局', year: 2023, carriedOver: 2, carriedForward: 0, inForce: 10 }),
    );
    writeFileSync(
      join(c, 'manifest.csv'),
      iconv.encode(
        'file,agency,year,url,colour\r\nw-2023.txt,某县水利局,2023,https://example.gov.cn/w,红\r\ngone.pdf,某局,二〇二三,,\r\n',
        'gbk',
      ),
    );
    nianbao(dir, ['audit', 'c', '--silent']);
    const carry = readCsv(join(dir, 'nianbao-out/discrepancies.csv')).find(
      (r) => r.rule === 'cross-year/carry-over' && r.file === 'c/w-2023.txt',
    )!;
    expect(carry).toMatchObject({
      agency: '某县水利局',
      source_url: 'https://example.gov.cn/w',
      previous_file: 'c/w-2022.txt',
    });
    writeFileSync(
      join(c, 'nianbao-triage.csv'),
      iconv.encode(`fingerprint,triage,note\r\n${carry.fingerprint},已核实,两局合并\r\n1.8E+308,x,\r\n`, 'gbk'),
    );
    const r = nianbao(dir, ['audit', 'c', '--no-progress', '--json', 'out.json']);
    expect(
      readCsv(join(dir, 'nianbao-out/discrepancies.csv')).find((x) => x.fingerprint === carry.fingerprint)?.triage,
    ).toBe('已核实');
    expect(r.stderr).toContain('未知的列（已忽略）：colour');
    expect(r.stderr).toContain('row 3: 所列文件不存在：gone.pdf');
    expect(r.stderr).toContain('year 不是四位年份：二〇二三');
    expect(r.stderr).toMatch(/nianbao-triage\.csv row 3: fingerprint 应为 16 位十六进制/);
    const doc = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(doc.summary.warnings.length).toBe(4);
  });
});

describe('nianbao.config.json', () => {
  it('turns one rule off, re-grades another, ignores a glob and audits .jsp pages', () => {
    const dir = tempDir();
    const c = join(dir, 'c');
    corpus(c);
    nianbao(dir, ['audit', 'c', '--silent', '--db', ':memory:', '--out', 'before.csv']);
    const before = readCsv(join(dir, 'before.csv'));
    expect(before.some((r) => r.rule === 'cross-year/in-force-stock')).toBe(false);
    expect(before.some((r) => r.rule === 'cross-year/carry-over' && r.severity === 'warning')).toBe(true);
    const off = before.find((r) => r.rule !== 'cross-year/carry-over')!.rule!;
    cpSync(join(c, 'w-2022.txt'), join(c, 'drafts', 'draft.txt'), { recursive: true });
    writeFileSync(
      join(c, 'page.jsp'),
      tinyReport({ ...base, agency: '某县林业局', year: 2023, carriedOver: 0, carriedForward: 0, inForce: 1 }),
    );
    writeFileSync(
      join(c, 'nianbao.config.json'),
      JSON.stringify({
        rules: { [off]: 'off', 'cross-year/carry-over': 'error' },
        ignore: ['drafts/**'],
        extensions: ['.jsp'],
      }),
    );
    const r = nianbao(dir, ['audit', 'c', '--db', ':memory:', '--out', 'after.csv', '--no-progress']);
    const after = readCsv(join(dir, 'after.csv'));
    expect(after.some((x) => x.rule === off)).toBe(false);
    expect(after.filter((x) => x.rule === 'cross-year/carry-over').every((x) => x.severity === 'error')).toBe(true);
    expect(after.some((x) => x.file === 'c/page.jsp')).toBe(true);
    expect(after.some((x) => x.file?.includes('drafts'))).toBe(false);
    expect(r.stderr).toContain('skipped c/drafts/draft.txt: matches ignore drafts/**');
    expect(
      nianbao(dir, ['audit', 'c', '--silent', '--db', ':memory:', '--no-config', '--out', 'plain.csv']).status,
    ).toBe(0);
    expect(readCsv(join(dir, 'plain.csv')).some((x) => x.rule === off)).toBe(true);
    writeFileSync(join(c, 'nianbao.config.json'), JSON.stringify({ rules: { 'no/such-rule': 'off' } }));
    const bad = nianbao(dir, ['audit', 'c', '--db', ':memory:']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown rule no/such-rule');
  });

  it('rules --explain prints what a rule checks, from its header', () => {
    const r = nianbao(tempDir(), ['rules', '--explain', 'applications/balance']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('一（本年新收）+ 二（上年结转）= 三（七）总计 + 四');
    expect(r.stdout).toContain('reported, at 表三/四、结转下年度继续办理/自然人');
    expect(nianbao(tempDir(), ['rules', '--explain', 'balance']).status).toBe(2);
  });

  it('finds the header of every rule in the built code', async () => {
    const built = join(import.meta.dirname, '../../dist/cli/rules.js');
    const { ruleHeader } = (await import(/* @vite-ignore */ built)) as { ruleHeader: (id: string) => string };
    const { RULES } = await import('../../src/audit/rules/index.js');
    expect(RULES.filter((r) => !ruleHeader(r.id).includes('@not-ok')).map((r) => r.id)).toEqual([]);
  });
});
