import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/make-corpus.js';
import { Store, StoreBusyError } from '../../src/nightly/store.js';
import { BIN, nianbao, tempDir } from './helpers.js';

function audit(cwd: string, out: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'audit', 'c', '--db', 'x.db', '--out', out, '--no-progress'], {
      cwd,
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (status) => done({ status, stderr }));
  });
}

const BUSY = /the run store x\.db is in use by another nianbao run/;

describe('two runs on one --db', () => {
  it('the second stops at once with exit 2 while the first holds the store; then runs normally', () => {
    const dir = tempDir();
    makeCorpus(join(dir, 'c'), 2);
    const holder = new Store(join(dir, 'x.db'), { exclusive: true });
    expect(() => new Store(join(dir, 'x.db'), { exclusive: true })).toThrow(StoreBusyError);
    const blocked = nianbao(dir, ['audit', 'c', '--db', 'x.db', '--out', 'o.csv', '--no-progress']);
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toMatch(BUSY);
    holder.close();
    expect(nianbao(dir, ['audit', 'c', '--db', 'x.db', '--out', 'o.csv', '--no-progress']).status).toBe(0);
  }, 60_000);

  it('concurrent runs: each completes or stops with the message, and the history holds exactly the completed ones', async () => {
    const dir = tempDir();
    makeCorpus(join(dir, 'c'), 6);
    const results = await Promise.all([audit(dir, 'a.csv'), audit(dir, 'b.csv'), audit(dir, 'c.csv')]);
    for (const r of results) {
      expect([0, 2], r.stderr).toContain(r.status);
      if (r.status === 2) expect(r.stderr).toMatch(BUSY);
    }
    const completed = results.filter((r) => r.status === 0).length;
    expect(completed).toBeGreaterThan(0);
    const store = new Store(join(dir, 'x.db'));
    expect(store.runs()).toHaveLength(completed);
    store.close();
    const again = nianbao(dir, ['audit', 'c', '--db', 'x.db', '--out', 'd.csv', '--no-progress']);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`since run ${completed}`));
  }, 120_000);
});
