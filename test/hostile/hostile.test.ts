/**
 * Issue 11's hostile suite: the generated hostile corpus mixed with copies of
 * the corpus reports, audited through the real CLI at `--jobs 2 --timeout N`,
 * with a listener the documents point at, a canary file they try to read, and
 * the process tree sampled from /proc. Prints the figures the issue asks for
 * and writes them to $TMPDIR/nianbao-hostile-figures.json.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseString } from 'fast-csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/make-corpus.js';
import { type HostileFile, makeHostileCorpus, writeCanary } from '../../scripts/hostile/corpus.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../src/extract/options.js';
import { findSoffice } from '../../src/extract/soffice.js';
import { BIN, tempDir } from '../nightly/helpers.js';
import { processesNaming } from './processes.js';
import { sampleTree, stillAlive, type TreeSample } from './proc-tree.js';

const TIMEOUT_S = Number(process.env.NIANBAO_HOSTILE_TIMEOUT ?? 10);
/** what one CLI run costs besides its file (start, walk, outputs) is measured; this is the grace on top */
const GRACE_S = 3;
const NODE_BOUND_MB = 600;
const CONVERTER_CAP_MB = DEFAULT_EXTRACT_OPTIONS.converterMemoryMb;
const RUN_DEADLINE_MS = 300_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromium = existsSync(CHROMIUM);
const soffice = findSoffice();
const root = process.getuid?.() === 0;
if (!chromium) console.warn(`hostile.test: no Chromium at ${CHROMIUM}: the browser check of the HTML page is SKIPPED`);
if (!soffice)
  console.warn('hostile.test: no soffice: RTF/ODT conversions are findings without a converter (no converter to cap)');
if (root)
  console.warn(
    'hostile.test: running as root, where chmod 000 does not bite: the unreadable-file case is read like any other here (SKIPPED as a case; test/nightly/unreadable.test.ts runs it without the capabilities by which root bypasses them)',
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RunResult {
  code: number | null;
  stderr: string;
  ms: number;
  killed: boolean;
  tree: TreeSample;
}

/** The CLI as a child process, its tree sampled; killed at `deadlineMs` (a hang). */
function runCli(cwd: string, args: string[], env: Record<string, string>, deadlineMs: number): Promise<RunResult> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const sampler = sampleTree(child.pid!);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, deadlineMs);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, ms: Date.now() - started, killed, tree: sampler.stop() });
    }),
  );
}

async function csvCells(path: string): Promise<{ header: string[]; rows: string[][] }> {
  const rows: string[][] = [];
  await new Promise<void>((resolve, reject) =>
    parseString(readFileSync(path, 'utf8').replace(/^\ufeff/, ''))
      .on('data', (r: string[]) => rows.push(r))
      .on('end', () => resolve())
      .on('error', reject),
  );
  return { header: rows[0] ?? [], rows: rows.slice(1) };
}

const STACK = /^\s+at .+:\d+:\d+\)?$|FATAL ERROR|Segmentation fault|Unhandled|TypeError|RangeError/m;

/** The figures the issue's closing note quotes, filled in as the tests go. */
const figures: Record<string, unknown> = {};

let server: Server;
const attempts: string[] = [];
let url = '';

beforeAll(async () => {
  server = createServer((socket) => {
    attempts.push(`${socket.remoteAddress}:${socket.remotePort}`);
    socket.on('data', (d) => attempts.push(d.toString('latin1').split('\r\n')[0] ?? ''));
    socket.on('error', () => {});
    socket.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  figures['network attempts'] = attempts.length;
  const path = join(tmpdir(), 'nianbao-hostile-figures.json');
  writeFileSync(path, `${JSON.stringify(figures, null, 2)}\n`);
  console.table(Object.entries(figures).map(([figure, value]) => ({ figure, value: String(value) })));
  console.log(`hostile figures written to ${path}`);
});

/** A folder of inputs: the hostile corpus, copies of the corpus reports, a link to them, and a link out. */
function setup(options: { bigMb?: number; light?: boolean } = {}) {
  const dir = tempDir();
  const inputs = join(dir, 'in');
  for (const sub of ['tmp', 'out', 'outside']) mkdirSync(join(dir, sub));
  const canary = join(dir, 'outside', 'canary.txt');
  const secret = writeCanary(canary);
  const marker = join(dir, 'outside', 'script-ran');
  const outside = join(dir, 'outside', 'report.txt');
  writeFileSync(outside, '某县档案局2023年政府信息公开工作年度报告\n一、总体情况\n');
  const files = makeHostileCorpus(inputs, { url, canary, marker, outside, ...options });
  cpSync(join(import.meta.dirname, '../../corpus/reports'), join(inputs, 'normal'), { recursive: true });
  for (const name of ['2021-changle-county-transport', '2023-qingshui-town']) {
    cpSync(join(import.meta.dirname, `../../corpus/pdf/${name}.pdf`), join(inputs, 'normal', `${name}.pdf`));
    cpSync(join(import.meta.dirname, `../../corpus/docx/${name}.docx`), join(inputs, 'normal', `${name}.docx`));
  }
  symlinkSync(join(inputs, 'normal', '2023-qingshui-town.html'), join(inputs, 'normal', '0-alias.html'));
  const normal = readdirSync(join(inputs, 'normal')).map((n) => `normal/${n}`);
  return { dir, inputs, canary, secret, marker, files, normal, env: { TMPDIR: join(dir, 'tmp') } };
}

type Setup = ReturnType<typeof setup>;

describe('the hostile corpus mixed with the corpus reports', () => {
  let s: Setup;
  let run: RunResult;
  let json: { summary: Record<string, number>; files: string[]; findings: Record<string, unknown>[] };
  const out = (name: string) => join(s.dir, 'out', name);

  beforeAll(async () => {
    s = setup();
    const args = ['audit', '.', 'net/linked-image.odt', '--jobs', '2', '--timeout', String(TIMEOUT_S)];
    const outputs = ['--db', '../out/run.db', '--out', '../out/run.csv', '--json', '../out/run.json'];
    run = await runCli(
      s.inputs,
      [...args, ...outputs, '--html', '../out/run.html', '--no-progress'],
      s.env,
      RUN_DEADLINE_MS,
    );
    await sleep(300);
    json = existsSync(out('run.json'))
      ? JSON.parse(readFileSync(out('run.json'), 'utf8'))
      : { summary: {}, files: [], findings: [] };
    figures['files tried'] = s.files.length + s.normal.length;
    figures['hostile files'] = s.files.length;
    figures['run wall time (s)'] = (run.ms / 1000).toFixed(1);
    figures.crashes = run.code === 0 && !STACK.test(run.stderr) ? 0 : 1;
    figures['run killed at deadline (hang)'] = run.killed;
    figures['peak RSS node (MB)'] = Math.round(run.tree.rootMb);
    figures['peak RSS converter child (MB)'] = `${Math.round(run.tree.childMb)} (${run.tree.childName || 'none'})`;
    figures['peak RSS whole tree (MB)'] = Math.round(run.tree.treeMb);
    console.log('hostile run:', JSON.stringify(figures), run.stderr.slice(-600));
  }, RUN_DEADLINE_MS + 60_000);

  it('completes: exit 0, no stack trace, no hang', () => {
    expect(run.killed, `the run was still going after ${RUN_DEADLINE_MS / 1000} s`).toBe(false);
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(run.stderr).not.toMatch(STACK);
  });

  it('accounts for every file: listed in the output, with a finding or counted clean; none silently skipped', () => {
    const listed = new Set(json.files);
    const withFindings = new Set(json.findings.map((f) => f.file as string));
    const real = (p: string) => {
      try {
        return realpathSync(join(s.inputs, p));
      } catch {
        return p;
      }
    };
    const listedReal = new Set([...listed].map(real));
    const lost: string[] = [];
    for (const f of [...s.files, ...s.normal.map((path) => ({ path, kind: 'corpus report' }) as HostileFile)]) {
      if (f.kind.includes('GBK')) {
        // named through its bytes: whatever lossless name the run gives it, it is read, not 「路径不存在」
        const entry = json.files.find((p) => p.includes('-GBK.txt'));
        const why = json.findings
          .filter((x) => x.file === entry && x.rule === 'extract/unreadable')
          .map((x) => x.actual);
        if (!entry || why.some((w) => /路径不存在|不是文件/.test(String(w))))
          lost.push(`${f.path} (${f.kind}): ${why}`);
      } else if (!listed.has(f.path) && !listedReal.has(real(f.path))) lost.push(`${f.path} (${f.kind})`);
    }
    if (!listed.has('net/linked-image.odt')) lost.push('net/linked-image.odt (named on the command line)');
    figures['lost files'] = lost.length;
    expect(lost).toEqual([]);
    const clean = json.files.filter((f) => !withFindings.has(f)).length;
    expect(json.summary.filesRead).toBe(json.files.length);
    expect(json.summary.clean).toBe(clean);
    // what cannot be read as a report says so
    for (const f of s.files.filter((x) => x.special))
      expect(
        json.findings.some((x) => x.file === f.path && x.rule === 'extract/unreadable'),
        `${f.path} (${f.kind})`,
      ).toBe(true);
    if (!root)
      expect(
        json.findings.some((x) => x.file === 'special/unreadable.txt' && /无法打开|EACCES/.test(String(x.actual))),
      ).toBe(true);
  });

  it('sends nothing to the address the documents name', () => {
    expect(attempts).toEqual([]);
  });

  it('reads nothing outside the inputs and runs no script from a document', () => {
    for (const name of ['run.csv', 'run.json', 'run.html', 'run.db'])
      expect(readFileSync(out(name)).includes(s.secret), `the canary in ${name}`).toBe(false);
    expect(statSync(s.canary).atime.getUTCFullYear(), 'the canary was read (its access time moved)').toBe(2001);
    expect(existsSync(s.marker), 'a script in a PDF ran').toBe(false);
  });

  it('leaves no process and no temporary directory behind', () => {
    const left = [...run.tree.seen.values()].filter(stillAlive).map((p) => `${p.pid} ${p.cmdline}`);
    const naming = processesNaming(s.dir);
    figures['leftover processes'] = left.length + naming.length;
    figures['temp entries left'] = readdirSync(s.env.TMPDIR).length;
    expect(left).toEqual([]);
    expect(naming).toEqual([]);
    expect(readdirSync(s.env.TMPDIR)).toEqual([]);
  });

  it(`keeps node within ${NODE_BOUND_MB} MB and each converter within its own cap`, () => {
    const converters = [...run.tree.seen.values()].filter((p) => /soffice|oosplash/.test(p.comm + p.cmdline));
    if (soffice) expect(converters.length, 'no conversion ran').toBeGreaterThan(0);
    for (const c of converters) {
      expect(c.peakMb, `${c.comm} RSS`).toBeLessThanOrEqual(CONVERTER_CAP_MB);
      if (c.asLimitMb !== null && /soffice\.bin/.test(c.comm))
        expect(c.asLimitMb, `${c.comm} address-space cap`).toBeLessThanOrEqual(CONVERTER_CAP_MB);
    }
    expect(run.tree.rootMb, 'node (main thread and workers) peak RSS').toBeLessThanOrEqual(NODE_BOUND_MB);
  });

  it('writes a CSV no spreadsheet runs: no cell of any column starts with a formula sign or a control character', async () => {
    const { header, rows } = await csvCells(out('run.csv'));
    expect(header.slice(0, 3)).toEqual(['file', 'agency', 'year']);
    const unsafe: string[] = [];
    for (const row of rows)
      for (const [i, cell] of row.entries())
        if (/^[\s\u00a0\u200b\ufeff]*[=+\-@]|^[\0-\x1f\x7f]/.test(cell))
          unsafe.push(`${header[i]}: ${JSON.stringify(cell)}`);
    expect(unsafe.slice(0, 20)).toEqual([]);
    // the hostile names did reach the file column, so the check above had something to refuse
    const files = rows.map((r) => r[0]!);
    for (const name of ["'=cmd|' /C calc'!A0.txt", "'+1+1.txt", "'-2+3.txt", "'@SUM(A1).txt"])
      expect(files, name).toContain(name);
  });

  it('links only web addresses in the HTML page: a manifest URL of javascript: is text, not a link', () => {
    const html = readFileSync(out('run.html'), 'utf8');
    expect(html).toContain('inject/manifest-a.txt');
    expect(html).not.toMatch(/"url":"(?!https?:\/\/)[^"]/i);
  });

  it.skipIf(!chromium)(
    'shows every hostile string in the HTML page as text: nothing from a report runs in Chromium',
    async () => {
      const { launch } = await import('puppeteer-core');
      const browser = await launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
      try {
        const page = await browser.newPage();
        const ran: string[] = [];
        page.on('dialog', async (d) => {
          ran.push(`dialog: ${d.message()}`);
          await d.dismiss();
        });
        page.on('pageerror', (e) => ran.push(`pageerror: ${String(e)}`));
        page.on('request', (r) => {
          if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) ran.push(`request: ${r.url()}`);
        });
        await page.exposeFunction('__hostileRan', (what: string) => ran.push(what));
        await page.evaluateOnNewDocument(() => {
          const w = window as unknown as Record<string, unknown> & { __hostileRan: (s: string) => void };
          for (const name of ['alert', 'confirm', 'prompt'])
            w[name] = (...args: unknown[]) => w.__hostileRan(`${name}(${args.join(',')})`);
        });
        await page.goto(pathToFileURL(out('run.html')).href, { waitUntil: 'load', timeout: 120_000 });
        await sleep(500);
        const text = await page.evaluate(() => document.body.textContent ?? '');
        expect(text).toContain('<script>alert(1)</script>');
        expect(text).toContain('<img src=x onerror=alert(1)>');
        const live = await page.evaluate(() => ({
          // the page's data is a JSON script element, never run; any other script holding a payload would be
          scripts: [...document.scripts].filter(
            (x) => x.type !== 'application/json' && x.textContent?.includes('alert(1)'),
          ).length,
          images: document.querySelectorAll('img[src="x"], [onerror]').length,
          links: [...document.querySelectorAll('a[href]')]
            .map((a) => (a as HTMLAnchorElement).protocol)
            .filter((p) => !['http:', 'https:', 'file:'].includes(p)),
        }));
        expect(live).toEqual({ scripts: 0, images: 0, links: [] });
        // a script link, had one slipped through, clicked
        for (const a of await page.$$('a[href^="javascript:" i]')) await a.click();
        await sleep(300);
        expect(ran).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    180_000,
  );

  it('keeps each heavy file within its limit, conversion and rules included (one by one, --jobs 1)', async () => {
    const heavy = s.files.filter((f) => f.heavy).map((f) => f.path);
    const one = (path: string) =>
      runCli(
        s.inputs,
        [
          'audit',
          path,
          '--jobs',
          '1',
          '--timeout',
          String(TIMEOUT_S),
          '--db',
          ':memory:',
          '--out',
          `../out/one-${heavy.indexOf(path)}.csv`,
          '--silent',
        ],
        s.env,
        (TIMEOUT_S + 30) * 1000,
      );
    const baseline = Math.min(
      ...(await Promise.all([one('normal/2023-qingshui-town.html'), one('empty/empty.txt')])).map((r) => r.ms),
    );
    const times: { file: string; s: number; rssMb: number; killed: boolean }[] = [];
    for (let i = 0; i < heavy.length; i += 2) {
      const batch = heavy.slice(i, i + 2);
      const results = await Promise.all(batch.map(one));
      for (const [k, r] of results.entries())
        times.push({
          file: batch[k]!,
          s: (r.ms - baseline) / 1000,
          rssMb: Math.round(r.tree.rootMb),
          killed: r.killed,
        });
    }
    times.sort((a, b) => b.s - a.s);
    console.table(times);
    const slowest = times[0]!;
    figures['startup baseline (s)'] = (baseline / 1000).toFixed(1);
    figures['slowest file'] =
      `${slowest.file}: ${slowest.killed ? `> ${TIMEOUT_S + 30}` : slowest.s.toFixed(1)} s (limit ${TIMEOUT_S} s)`;
    figures.hangs = times.filter((t) => t.killed || t.s > TIMEOUT_S + GRACE_S).length;
    figures['per-file peak RSS node, worst (MB)'] = `${Math.max(...times.map((t) => t.rssMb))}`;
    expect(times.filter((t) => t.killed || t.s > TIMEOUT_S + GRACE_S)).toEqual([]);
    expect(attempts).toEqual([]);
  }, 600_000);
});

describe('kill -9 of the main process midway, hostile files in the mix', () => {
  it('the re-run writes exactly what an uninterrupted run writes', async () => {
    const s = setup({ bigMb: 0, light: true });
    makeCorpus(join(s.inputs, 'generated'), 40);
    const args = (name: string) => [
      'audit',
      '.',
      '--jobs',
      '2',
      '--timeout',
      String(TIMEOUT_S * 3),
      '--db',
      `../out/${name}.db`,
      '--out',
      `../out/${name}.csv`,
      '--json',
      `../out/${name}.json`,
      '--no-progress',
    ];
    const full = await runCli(s.inputs, args('full'), s.env, RUN_DEADLINE_MS);
    expect(full.code, full.stderr).toBe(0);
    const killedAfter = Math.max(1500, full.ms / 2);
    const killed = await runCli(s.inputs, args('killed'), s.env, killedAfter);
    expect(killed.killed, 'the run ended before it could be killed').toBe(true);
    expect(existsSync(join(s.dir, 'out/killed.csv'))).toBe(false);
    const rerun = await runCli(s.inputs, args('killed'), s.env, RUN_DEADLINE_MS);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toMatch(/取自缓存 [1-9]\d* 个|[1-9]\d* from cache/);
    // compared as bytes and text: a deep comparison of megabytes takes minutes
    const csv = (name: string) => readFileSync(join(s.dir, 'out', name));
    expect(csv('killed.csv').equals(csv('full.csv')), 'the re-run CSV differs from the uninterrupted one').toBe(true);
    const findings = (name: string) =>
      JSON.stringify(JSON.parse(readFileSync(join(s.dir, 'out', name), 'utf8')).findings);
    expect(findings('killed.json') === findings('full.json'), 'the re-run JSON findings differ').toBe(true);
    figures['kill -9 re-run equals uninterrupted run'] = true;
  }, 600_000);
});
