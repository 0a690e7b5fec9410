import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../nightly/helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) console.warn(`dashboard browser test SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

type Browser = Awaited<ReturnType<typeof import('puppeteer-core').launch>>;
type Page = Awaited<ReturnType<Browser['newPage']>>;

describe.skipIf(!present)('the HTML dashboard in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let rows: Record<string, string>[];
  const count = () => page.$eval('#count', (e) => e.textContent);
  const column = (i: number) =>
    page.$$eval('#t tbody tr', (trs, i) => trs.map((tr) => (tr as HTMLTableRowElement).cells[i]!.textContent), i);

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-html-'));
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/nianbao.js'),
        'audit',
        // the web pages of the corpus, and two PDFs for links to a page
        'corpus/reports',
        'corpus/pdf/2021-changle-county-transport.pdf',
        'corpus/pdf/2022-dongshan-city-summary.pdf',
        '--db',
        join(dir, 'db'),
        '--out',
        join(dir, 'f.csv'),
        '--html',
        join(dir, 'f.html'),
        '--silent',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    rows = readCsv(join(dir, 'f.csv'));
    const { launch } = await import('puppeteer-core');
    browser = await launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    // no network: any request other than the page itself fails the test
    const outside: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) outside.push(req.url());
    });
    await page.goto(pathToFileURL(join(dir, 'f.html')).href);
    expect(outside).toEqual([]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows every finding, with charts whose bars add up', async () => {
    expect(await count()).toBe(`显示 ${rows.length} / ${rows.length} 条`);
    const bars = await page.$$eval('[data-chart=severity] .n', (ns) => ns.map((n) => Number(n.textContent)));
    expect(bars.reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(await page.$$eval('[data-chart=agency] rect', (r) => r.length)).toBeGreaterThan(3);
  });

  it('filters by a facet and by a chart bar, and the counts follow', async () => {
    await page.select('#f-severity', '错误');
    const errors = rows.filter((r) => r.severity === 'error').length;
    expect(await count()).toBe(`显示 ${errors} / ${rows.length} 条`);
    expect(new Set(await column(0))).toEqual(new Set(['错误']));
    const rule = rows.find((r) => r.severity === 'error')!.rule!;
    await page.click(`[data-chart=rule] g[data-value="${rule}"] rect`);
    const both = rows.filter((r) => r.severity === 'error' && r.rule === rule).length;
    expect(await count()).toBe(`显示 ${both} / ${rows.length} 条`);
    await page.click('#reset');
    expect(await count()).toBe(`显示 ${rows.length} / ${rows.length} 条`);
  });

  it('sorts numbers as numbers and severities by rank, both ways', async () => {
    await page.click('th[data-key=actual]');
    const asc = (await column(7)).map(Number).filter((n) => !Number.isNaN(n) && n !== 0);
    expect(asc.length).toBeGreaterThan(3);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await page.click('th[data-key=actual]');
    const desc = (await column(7)).map(Number).filter((n) => !Number.isNaN(n) && n !== 0);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await page.click('th[data-key=severity]');
    const rank = { 错误: 3, 警告: 2, 提示: 1 } as Record<string, number>;
    const first = (await column(0)).map((s) => rank[s!]!);
    expect(first).toEqual([...first].sort((a, b) => b - a));
    await page.click('th[data-key=severity]');
    const second = (await column(0)).map((s) => rank[s!]!);
    expect(second).toEqual([...second].sort((a, b) => a - b));
  });

  it('links each finding to its source file and page; takes the screenshot for docs/', async () => {
    await page.click('#reset');
    await page.click('th[data-key=severity]');
    const hrefs = await page.$$eval('#t tbody td:nth-child(2) a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBe(rows.length);
    const pageUrl = page.url();
    const targets = hrefs.map((h) => fileURLToPath(new URL(h!.replace(/#page=\d+$/, ''), pageUrl)));
    expect(targets.filter((t) => !existsSync(t))).toEqual([]);
    expect(hrefs.some((h) => /\.pdf#page=\d+$/.test(h ?? ''))).toBe(true);
    // the committed picture is refreshed on request only, so a test run leaves the work tree as it was
    const shot = process.env.NIANBAO_UPDATE_SCREENSHOT
      ? join(ROOT, 'docs/dashboard.png')
      : join(tmpdir(), 'nianbao-dashboard.png');
    await page.screenshot({ path: shot });
  });
});
