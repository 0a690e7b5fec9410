/**
 * Writes the sample corpus: corpus/reports/*.html from scripts/corpus/sources.ts, the
 * seed report as extracted text, and corpus/expected.json with the findings
 * each file must produce. Run: npm run corpus:build [-- OUT_DIR]
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { baseReport, writeProse } from './generate.js';
import { renderHtml, type ReportData } from './render.js';
import { SOURCES, type Expected } from './sources.js';

const here = dirname(fileURLToPath(import.meta.url));
/** folders holding the same reports rendered to other formats (scripts/make-pdfs.sh, scripts/make-docx.sh) */
const RENDERINGS = ['pdf', 'docx'];
/** a rendering printed and scanned (scripts/make-scan.sh), read back by OCR: it must say what its source says */
export const SCANNED = /^scanned-\d+dpi-/;

function existing(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

const SEED = 'linwei-hrss-2023.txt';
/** what the seed must yield: the damage its extractor did, reported as such */
const SEED_EXPECTED: Expected[] = [
  ...[
    '（三）1.属于国家秘密',
    '（三）2.其他法律行政法规禁止公开',
    '（三）3.危及“三安全一稳定”',
    '（三）4.保护第三方合法权益',
    '（三）5.属于三类内部事务信息',
    '（三）6.属于四类过程性信息',
    '（三）7.属于行政执法案卷',
    '（三）8.属于行政查询事项',
    '（四）1.本机关不掌握相关政府信息',
    '（四）2.没有现成信息需要另行制作',
    '（四）3.补正后申请内容仍不明确',
    '（五）1.信访举报投诉类申请',
    '（五）2.重复申请',
    '（五）3.要求提供公开出版物',
    '（五）4.无正当理由大量反复申请',
    '（五）5.要求行政机关确认或重新出具已获取信息',
    '（六）1.逾期不补正',
  ].map((row) => ({ rule: 'extract/uncertain-table', location: `表三/${row}` })),
  { rule: 'structure/missing-section', location: '三、收到和处理政府信息公开申请情况' },
  ...['（五）', '（六）', '（八）'].map((item) => ({
    rule: 'structure/missing-row',
    location: `表二/第二十条第${item}项`,
  })),
  ...['一、本年新收', '二、上年结转', '（一）予以公开'].map((row) => ({
    rule: 'structure/missing-row',
    location: `表三/${row}`,
  })),
  { rule: 'table/blank-cell', location: '表四/行政复议' },
];

/** a notice from the same 政务公开 column, scraped along with the reports */
const MISFILED = '2024-misfiled-notice.html';
const MISFILED_PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>关于做好2024年春节期间安全生产工作的通知_清水镇人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div class="article"><h1>关于做好2024年春节期间安全生产工作的通知</h1>
<p>各村（社区）、镇直各单位：</p>
<p>为切实做好2024年春节期间安全生产工作，确保全镇人民群众度过一个欢乐祥和的节日，现将有关事项通知如下。</p>
<p>一是压实安全生产责任。各单位主要负责人要亲自部署、亲自检查，层层落实安全责任。</p>
<p>二是开展隐患排查整治。重点检查人员密集场所、燃气和烟花爆竹等领域，发现隐患立即整改。</p>
<p>三是严格值班值守。节日期间实行24小时值班和领导带班制度，遇有突发情况及时报告。</p>
<p style="text-align:right">清水镇人民政府</p><p style="text-align:right">2024年1月26日</p></div>
<div class="footer">版权所有 清水镇人民政府</div></body></html>
`;

/**
 * The same agency's report for the same year published a second time with other
 * numbers (one more 自然人 application, granted): each copy is sound on its own,
 * but the two disagree — corpus/copies-disagree, on the copy met last.
 */
const REPUBLISHED = { of: '2023-anping-county-stats', file: '2023-anping-county-stats-republished.html' };

function republished(data: ReportData): ReportData {
  const copy = structuredClone(data);
  for (const row of ['new_received', 'granted', 'total_processed'])
    for (const i of [0, 6]) copy.applications![row]![i] = String(Number(copy.applications![row]![i]) + 1);
  return copy;
}

/** Renders every source into `dir/reports` and records the expected findings in `dir/expected.json`. */
export function buildCorpus(dir: string): void {
  const reports = join(dir, 'reports');
  const expectedPath = join(dir, 'expected.json');
  mkdirSync(reports, { recursive: true });
  const previous = (() => {
    try {
      return JSON.parse(readFileSync(expectedPath, 'utf8')) as Record<string, Expected[]>;
    } catch {
      return {};
    }
  })();
  const expected: Record<string, Expected[]> = {};
  for (const source of SOURCES) {
    const data = baseReport(source);
    source.plant?.(data);
    data.prose = { ...writeProse(source, data), ...data.prose };
    const charset = source.encoding === 'gbk' ? 'gb2312' : 'utf-8';
    const html = renderHtml(data, charset);
    const bytes = source.encoding === 'gbk' ? iconv.encode(html, 'gbk') : Buffer.from(html, 'utf8');
    writeFileSync(join(reports, `${source.id}.html`), bytes);
    expected[`reports/${source.id}.html`] = source.expected;
    if (source.id === REPUBLISHED.of) {
      const copy = republished(data);
      copy.prose = writeProse(source, copy);
      writeFileSync(join(reports, REPUBLISHED.file), renderHtml(copy, 'utf-8'));
      expected[`reports/${REPUBLISHED.file}`] = [
        ...source.expected,
        { rule: 'corpus/copies-disagree', location: '表三/一、本年新收/自然人' },
      ];
    }
  }
  copyFileSync(join(here, '../../test/fixtures', SEED), join(reports, SEED));
  expected[`reports/${SEED}`] = SEED_EXPECTED;
  writeFileSync(join(reports, MISFILED), MISFILED_PAGE);
  expected[`reports/${MISFILED}`] = [{ rule: 'structure/not-a-report', location: '文件' }];
  writeFileSync(join(reports, '2024-empty-download.html'), '');
  expected['reports/2024-empty-download.html'] = [{ rule: 'extract/unreadable', location: '文件' }];
  // a PDF or DOCX rendering of a report must say what its HTML source says
  for (const folder of RENDERINGS) {
    for (const name of existing(join(dir, folder))) {
      const source = `reports/${name.replace(SCANNED, '').replace(/\.[^.]+$/, '')}.html`;
      if (expected[source]) expected[`${folder}/${name}`] = expected[source]!;
    }
  }
  // files made only in a rendering (a scan, a truncated copy) keep what their script recorded
  for (const [file, findings] of Object.entries(previous))
    if (!file.startsWith('reports/')) expected[file] ??= findings;
  writeFileSync(expectedPath, `${JSON.stringify(sortKeys(expected), null, 2)}\n`);
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? join(here, '../../corpus');
  buildCorpus(dir);
  console.log(`corpus: wrote ${SOURCES.length + 3} files to ${join(dir, 'reports')}`);
}
