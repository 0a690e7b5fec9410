import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeCorpus, tinyReport } from '../../bench/make-corpus.js';
import { nianbao, readCsv, tempDir } from './helpers.js';

const base = { agency: '某县水利局', newReceived: 3, issued: 1, repealed: 0 };

function lastRuns(db: string): number[] {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT DISTINCT last_run AS r FROM findings ORDER BY r').all() as { r: number }[]).map(
      (x) => x.r,
    );
  } finally {
    d.close();
  }
}

describe('the cached findings of unchanged files', () => {
  it('are reused by a warm run, which writes the same CSV and no history rows but the run', () => {
    const dir = tempDir();
    makeCorpus(join(dir, 'c'), 30);
    expect(nianbao(dir, ['audit', 'c', '--out', 'a.csv', '--silent']).status).toBe(0);
    const warm = nianbao(dir, ['audit', 'c', '--out', 'b.csv', '--no-progress']);
    expect(warm.stderr).toMatch(/0 new, \d+ persisting, 0 resolved since run 1/);
    expect(readFileSync(join(dir, 'b.csv'), 'utf8').replaceAll(',persisting,', ',new,')).toBe(
      readFileSync(join(dir, 'a.csv'), 'utf8'),
    );
    expect(lastRuns(join(dir, 'nianbao-out/nianbao.db'))).toEqual([1]);
  });

  it('still meet a changed neighbour: an unchanged report’s cross-year findings follow its previous year', () => {
    const dir = tempDir();
    const c = join(dir, 'c');
    makeCorpus(c, 4);
    writeFileSync(
      join(c, 'w-2022.txt'),
      tinyReport({ ...base, year: 2022, carriedOver: 0, carriedForward: 1, inForce: 9 }),
    );
    writeFileSync(
      join(c, 'w-2023.txt'),
      tinyReport({ ...base, year: 2023, carriedOver: 2, carriedForward: 0, inForce: 10 }),
    );
    nianbao(dir, ['audit', 'c', '--silent']);
    const carry = () =>
      readCsv(join(dir, 'nianbao-out/discrepancies.csv')).filter(
        (r) => r.file === 'c/w-2023.txt' && r.rule?.startsWith('cross-year/'),
      );
    expect(carry().map((r) => r.location)).toEqual(['表三/二、上年结转/自然人', '表三/二、上年结转/总计']);
    writeFileSync(
      join(c, 'w-2022.txt'),
      tinyReport({ ...base, year: 2022, carriedOver: 0, carriedForward: 2, inForce: 9 }),
    );
    const run = nianbao(dir, ['audit', 'c', '--no-progress']);
    expect(run.stderr).toMatch(/2 resolved since run 1.*1 parsed/);
    expect(carry()).toEqual([]);
  });

  it('are audited again when the manifest says something else about the file', () => {
    const dir = tempDir();
    const c = join(dir, 'c');
    makeCorpus(c, 1);
    writeFileSync(
      join(c, 'b.txt'),
      tinyReport({ ...base, year: 2023, carriedOver: 2, carriedForward: 0, inForce: 10 }),
    );
    const late = () =>
      readCsv(join(dir, 'nianbao-out/discrepancies.csv')).find(
        (r) => r.file === 'c/b.txt' && r.rule === 'meta/published-late',
      );
    nianbao(dir, ['audit', 'c', '--silent']);
    expect(late()).toBeUndefined();
    writeFileSync(
      join(c, 'manifest.csv'),
      'file,agency,region,year,url,published\nb.txt,某县水利局,某县,2023,https://example.gov.cn/b,2024-02-20\n',
    );
    nianbao(dir, ['audit', 'c', '--silent']);
    expect(late()).toMatchObject({ actual: '2024-02-20', status: 'new' });
    writeFileSync(
      join(c, 'manifest.csv'),
      'file,agency,region,year,url,published\nb.txt,某县水利局,某县,2023,https://example.gov.cn/b,2024-01-20\n',
    );
    nianbao(dir, ['audit', 'c', '--silent']);
    expect(late()).toBeUndefined();
  });
});
