/**
 * Writes the sample corpus: corpus/reports/*.html from corpus/sources.ts, the
 * seed report as extracted text, and corpus/expected.json with the findings
 * each file must produce. Run: npm run corpus:build [-- OUT_DIR]
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { baseReport, writeProse } from './generate.js';
import { renderHtml } from './render.js';
import { SOURCES, type Expected } from './sources.js';

const here = dirname(fileURLToPath(import.meta.url));
/** folders holding the same reports rendered to other formats (scripts/make-pdfs.sh, scripts/make-docx.sh) */
const RENDERINGS = ['pdf', 'docx'];

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
  ...['（三）1.属于国家秘密', '（三）2.其他法律行政法规禁止公开', '（三）3.危及“三安全一稳定”', '（三）4.保护第三方合法权益', '（三）5.属于三类内部事务信息', '（三）6.属于四类过程性信息', '（三）7.属于行政执法案卷', '（三）8.属于行政查询事项', '（四）1.本机关不掌握相关政府信息', '（四）2.没有现成信息需要另行制作', '（四）3.补正后申请内容仍不明确', '（五）1.信访举报投诉类申请', '（五）2.重复申请', '（五）3.要求提供公开出版物', '（五）4.无正当理由大量反复申请', '（五）5.要求行政机关确认或重新出具已获取信息', '（六）1.逾期不补正'].map((row) => ({ rule: 'extract/uncertain-table', location: `表三/${row}` })),
  { rule: 'structure/missing-section', location: '三、收到和处理政府信息公开申请情况' },
  ...['（五）', '（六）', '（八）'].map((item) => ({ rule: 'structure/missing-row', location: `表二/第二十条第${item}项` })),
  ...['一、本年新收', '二、上年结转', '（一）予以公开'].map((row) => ({ rule: 'structure/missing-row', location: `表三/${row}` })),
  { rule: 'table/blank-cell', location: '表四/行政复议' },
];

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
  }
  copyFileSync(join(here, '../test/fixtures', SEED), join(reports, SEED));
  expected[`reports/${SEED}`] = SEED_EXPECTED;
  writeFileSync(join(reports, '2024-empty-download.html'), '');
  expected['reports/2024-empty-download.html'] = [{ rule: 'extract/unreadable', location: '文件' }];
  // a PDF or DOCX rendering of a report must say what its HTML source says
  for (const folder of RENDERINGS) {
    for (const name of existing(join(dir, folder))) {
      const source = `reports/${name.replace(/\.[^.]+$/, '')}.html`;
      if (expected[source]) expected[`${folder}/${name}`] = expected[source]!;
    }
  }
  // files made only in a rendering (a scan, a truncated copy) keep what their script recorded
  for (const [file, findings] of Object.entries(previous)) if (!file.startsWith('reports/')) expected[file] ??= findings;
  writeFileSync(expectedPath, `${JSON.stringify(sortKeys(expected), null, 2)}\n`);
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? here;
  buildCorpus(dir);
  console.log(`corpus: wrote ${SOURCES.length + 2} reports to ${join(dir, 'reports')}`);
}
