import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeCorpus, tinyReport } from '../../bench/make-corpus.js';
import { nianbao, readCsv, startNianbao, tempDir } from './helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function parsedCount(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

describe('a run killed with SIGKILL midway', () => {
  it('leaves the previous output whole, and the re-run writes exactly what an uninterrupted run writes', async () => {
    const dir = tempDir();
    makeCorpus(join(dir, 'c'), 80);
    expect(
      nianbao(dir, ['audit', 'c', '--db', 'full.db', '--out', 'full.csv', '--json', 'full.json', '--silent']).status,
    ).toBe(0);
    writeFileSync(join(dir, 'killed.csv'), 'previous output\n');
    const child = startNianbao(dir, [
      'audit',
      'c',
      '--db',
      'killed.db',
      '--out',
      'killed.csv',
      '--json',
      'killed.json',
      '--jobs',
      '1',
    ]);
    const exited = new Promise((r) => child.once('exit', r));
    for (let i = 0; i < 600 && parsedCount(join(dir, 'killed.db')) < 10; i++) await sleep(50);
    child.kill('SIGKILL');
    await exited;
    const cachedBefore = parsedCount(join(dir, 'killed.db'));
    expect(cachedBefore).toBeGreaterThanOrEqual(10);
    expect(cachedBefore).toBeLessThan(80);
    expect(readFileSync(join(dir, 'killed.csv'), 'utf8')).toBe('previous output\n');
    const rerun = nianbao(dir, ['audit', 'c', '--db', 'killed.db', '--out', 'killed.csv', '--json', 'killed.json']);
    expect(rerun.status).toBe(0);
    expect(rerun.stderr).toMatch(new RegExp(`${80 - cachedBefore} parsed, ${cachedBefore} from cache`));
    expect(readFileSync(join(dir, 'killed.csv'))).toEqual(readFileSync(join(dir, 'full.csv')));
    const findings = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')).findings;
    expect(findings('killed.json')).toEqual(findings('full.json'));
  });
});

describe('shards', () => {
  it('three shards merged give the findings of one run, cross-year rules across shards included', () => {
    const dir = tempDir();
    makeCorpus(join(dir, 'c'), 48);
    expect(nianbao(dir, ['audit', 'c', '--db', 'one.db', '--out', 'one.csv', '--silent']).status).toBe(0);
    for (const k of [1, 2, 3])
      expect(
        nianbao(dir, ['audit', 'c', '--shard', `${k}/3`, '--db', `s${k}.db`, '--out', `s${k}.csv`, '--silent']).status,
      ).toBe(0);
    const shardFiles = [1, 2, 3].map((k) => readCsv(join(dir, `s${k}.csv`)).map((r) => r.file));
    expect(shardFiles.every((f) => f.length > 0)).toBe(true);
    const merge = nianbao(dir, [
      'merge',
      ...[1, 2, 3].map((k) => `nianbao-out/shard-${k}-of-3.json`),
      '--db',
      'merged.db',
      '--out',
      'merged.csv',
    ]);
    expect(merge.status).toBe(0);
    expect(merge.stderr).toMatch(/48 files read/);
    const one = readCsv(join(dir, 'one.csv'));
    expect(one.some((r) => r.rule === 'cross-year/carry-over')).toBe(true);
    expect(readFileSync(join(dir, 'merged.csv'), 'utf8')).toBe(readFileSync(join(dir, 'one.csv'), 'utf8'));
  });
});

const AGENCY = '某县水利局';
const base = { agency: AGENCY, newReceived: 3, issued: 1, repealed: 0 };

describe('history and triage', () => {
  it('marks findings new or persisting, counts resolved ones, and honours the triage file', () => {
    const dir = tempDir();
    const c = join(dir, 'c');
    makeCorpus(c, 6);
    writeFileSync(
      join(c, 'w-2022.txt'),
      tinyReport({ ...base, year: 2022, carriedOver: 0, carriedForward: 1, inForce: 9 }),
    );
    writeFileSync(
      join(c, 'w-2023.txt'),
      tinyReport({ ...base, year: 2023, carriedOver: 2, carriedForward: 0, inForce: 10 }),
    );
    const first = nianbao(dir, ['audit', 'c', '--no-progress']);
    expect(first.stderr).toMatch(/since no earlier run/);
    const rows1 = readCsv(join(dir, 'nianbao-out/discrepancies.csv'));
    expect(rows1.every((r) => r.status === 'new' && /^fp:[0-9a-f]{16}$/.test(r.fingerprint!))).toBe(true);
    const carry = rows1.filter((r) => r.file === 'c/w-2023.txt' && r.rule === 'cross-year/carry-over');
    expect(carry.map((r) => r.location)).toEqual(['表三/二、上年结转/自然人', '表三/二、上年结转/总计']);

    // fix the carry-over; break the stock instead; triage one old finding
    writeFileSync(
      join(c, 'w-2023.txt'),
      tinyReport({ ...base, year: 2023, carriedOver: 1, carriedForward: 0, inForce: 12 }),
    );
    const triaged = rows1.find((r) => r.file !== 'c/w-2023.txt')!;
    writeFileSync(
      join(c, 'nianbao-triage.csv'),
      `fingerprint,decision,note\n${triaged.fingerprint},accepted,"known, reported upstream"\n`,
    );
    const second = nianbao(dir, ['audit', 'c', '--no-progress', '--fail-on', 'error']);
    const rows2 = readCsv(join(dir, 'nianbao-out/discrepancies.csv'));
    const fresh = rows2.filter((r) => r.status === 'new');
    expect(fresh.map((r) => `${r.rule} ${r.location}`)).toEqual([
      'cross-year/in-force-stock 表二/第二十条第（一）项/行政规范性文件/现行有效件数',
    ]);
    expect(rows2.filter((r) => r.status === 'persisting')).toHaveLength(rows1.length - 2);
    expect(rows2.find((r) => r.fingerprint === triaged.fingerprint)?.triage).toBe('accepted');
    expect(second.stderr).toMatch(/1 new, \d+ persisting, 2 resolved since run 1, 1 triaged/);

    const third = nianbao(dir, ['audit', 'c', '--no-progress', '--only-new', '--out', 'new.csv']);
    expect(third.status).toBe(0);
    expect(readCsv(join(dir, 'new.csv'))).toEqual([]);
    const runs = nianbao(dir, ['runs']);
    expect(runs.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('triage survives a re-parse with the same numbers; a changed actual is a new finding', () => {
    const dir = tempDir();
    const c = join(dir, 'c');
    makeCorpus(c, 2);
    writeFileSync(
      join(c, 'w-2022.txt'),
      tinyReport({ ...base, year: 2022, carriedOver: 0, carriedForward: 1, inForce: 9 }),
    );
    writeFileSync(
      join(c, 'w-2023.txt'),
      tinyReport({ ...base, year: 2023, carriedOver: 2, carriedForward: 0, inForce: 10 }),
    );
    nianbao(dir, ['audit', 'c', '--silent']);
    const row = readCsv(join(dir, 'nianbao-out/discrepancies.csv')).find((r) => r.rule === 'cross-year/carry-over')!;
    writeFileSync(join(c, 'nianbao-triage.csv'), `fingerprint,decision,note\n${row.fingerprint},merger,两局合并\n`);
    writeFileSync(
      join(c, 'w-2023.txt'),
      tinyReport({ ...base, year: 2023, carriedOver: 3, carriedForward: 0, inForce: 10 }),
    );
    appendFileSync(join(c, 'w-2023.txt'), '\n');
    const run = nianbao(dir, ['audit', 'c', '--no-progress', '--only-new', '--out', 'new.csv']);
    expect(run.stderr).toMatch(/1 parsed/);
    const fresh = readCsv(join(dir, 'new.csv'));
    expect(fresh.find((r) => r.fingerprint === row.fingerprint)).toBeUndefined();
    // the carry-over now says 3 instead of 2: the same place, but not what the auditor accepted
    expect(fresh.filter((r) => r.rule === 'cross-year/carry-over' && r.location === row.location)).toMatchObject([
      { actual: '3', triage: '', status: 'new' },
    ]);
    // back to the triaged numbers (the file differs by a line, so it is parsed again): triage applies again
    writeFileSync(
      join(c, 'w-2023.txt'),
      `${tinyReport({ ...base, year: 2023, carriedOver: 2, carriedForward: 0, inForce: 10 })}\n\n`,
    );
    const all = nianbao(dir, ['audit', 'c', '--silent']);
    expect(all.status).toBe(0);
    const rows = readCsv(join(dir, 'nianbao-out/discrepancies.csv'));
    // new again (the run in between resolved it), and the decision taken on exactly these numbers holds
    expect(rows.find((r) => r.fingerprint === row.fingerprint)).toMatchObject({
      triage: 'merger',
      actual: '2',
      status: 'new',
    });
  });
});

describe('manifest.csv', () => {
  it('overrides agency and year so a renamed agency meets its previous year, and feeds meta/published-late', () => {
    const dir = tempDir();
    const c = join(dir, 'c');
    makeCorpus(c, 1);
    writeFileSync(
      join(c, 'a.txt'),
      tinyReport({ ...base, agency: '某县水利局', year: 2022, carriedOver: 0, carriedForward: 1, inForce: 9 }),
    );
    writeFileSync(
      join(c, 'b.txt'),
      tinyReport({ ...base, agency: '某县水务局', year: 2023, carriedOver: 2, carriedForward: 0, inForce: 10 }),
    );
    writeFileSync(
      join(c, 'manifest.csv'),
      'file,agency,region,year,url,published\nb.txt,某县水利局,某县,2023,https://example.gov.cn/b,2024-02-20\n',
    );
    expect(nianbao(dir, ['audit', 'c', '--silent']).status).toBe(0);
    const rows = readCsv(join(dir, 'nianbao-out/discrepancies.csv')).filter((r) => r.file === 'c/b.txt');
    expect(rows.find((r) => r.rule === 'cross-year/carry-over')).toMatchObject({
      agency: '某县水利局',
      year: '2023',
      expected: '1',
      actual: '2',
    });
    expect(rows.find((r) => r.rule === 'meta/published-late')).toMatchObject({
      actual: '2024-02-20',
      severity: 'warning',
    });
  });
});
