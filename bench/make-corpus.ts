import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const FIXTURE = join(import.meta.dirname, '../test/fixtures/linwei-hrss-2023.txt');
const FIXTURE_AGENCY = '渭南市临渭区人力资源和社会保障局';
const AGENCY_KINDS = [
  '水利局',
  '教育局',
  '卫生健康委员会',
  '财政局',
  '交通运输局',
  '市场监督管理局',
  '自然资源局',
  '民政局',
];

export interface TinyReport {
  agency: string;
  year: number;
  /** 表三 二、上年结转 for 自然人 */
  carriedOver: number;
  newReceived: number;
  /** 表三 四、结转下年度继续办理 for 自然人 */
  carriedForward: number;
  /** 表二 行政规范性文件 */
  issued: number;
  repealed: number;
  inForce: number;
}

const row = (label: string, n: number) => `| ${label} | ${n} | 0 | 0 | 0 | 0 | 0 | ${n} |`;

/** A small, internally consistent plain-text report on the 2021 template. */
export function tinyReport(r: TinyReport): string {
  const processed = r.newReceived + r.carriedOver - r.carriedForward;
  return [
    `${r.agency}${r.year}年政府信息公开工作年度报告`,
    '',
    '一、总体情况',
    '',
    '本年度依法做好政府信息公开工作。',
    '',
    '二、主动公开政府信息情况',
    '',
    '| 规章 | 0 | 0 | 0 |',
    `| 行政规范性文件 | ${r.issued} | ${r.repealed} | ${r.inForce} |`,
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    row('一、本年新收政府信息公开申请数量', r.newReceived),
    row('二、上年结转政府信息公开申请数量', r.carriedOver),
    row('（一）予以公开', processed),
    row('（七）总计', processed),
    row('四、结转下年度继续办理', r.carriedForward),
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    '五、存在的主要问题及改进情况',
    '',
    '无。',
    '',
    '六、其他需要报告的事项',
    '',
    '无。',
    '',
  ].join('\n');
}

/** The bundled fixture as another agency's report for another year, with its numbers shifted. */
export function fixtureVariant(agency: string, year: number, bump: number): string {
  return readFileSync(FIXTURE, 'utf8')
    .replaceAll(FIXTURE_AGENCY, agency)
    .replaceAll('2024', String(year + 1))
    .replaceAll('2023', String(year))
    .replace(/发布信息 43 条/, `发布信息 ${43 + bump} 条`)
    .replace(/428 条/, `${428 + bump} 条`);
}

/** The same report as an HTML page, as government sites publish it. */
export function htmlVariant(r: TinyReport): string {
  const cells = (label: string, n: number) =>
    `<tr><td>${label}</td><td>${n}</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>${n}</td></tr>`;
  const processed = r.newReceived + r.carriedOver - r.carriedForward;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${r.agency}${r.year}年政府信息公开工作年度报告</title></head><body>
<h1>${r.agency}${r.year}年政府信息公开工作年度报告</h1>
<h2>一、总体情况</h2><p>本年度依法做好政府信息公开工作。</p>
<h2>二、主动公开政府信息情况</h2><table><tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr><tr><td>行政规范性文件</td><td>${r.issued}</td><td>${r.repealed}</td><td>${r.inForce}</td></tr></table>
<h2>三、收到和处理政府信息公开申请情况</h2><table>
${cells('一、本年新收政府信息公开申请数量', r.newReceived)}${cells('二、上年结转政府信息公开申请数量', r.carriedOver)}
${cells('（一）予以公开', processed)}${cells('（七）总计', processed)}${cells('四、结转下年度继续办理', r.carriedForward)}</table>
<h2>四、政府信息公开行政复议、行政诉讼情况</h2><h2>五、存在的主要问题及改进情况</h2><p>无。</p><h2>六、其他需要报告的事项</h2><p>无。</p>
</body></html>`;
}

export function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * `count` reports under `dir`: agencies × years, in turn a fixture variant,
 * a tiny text report and an HTML page, with numbers varied per file. One
 * agency in seven breaks its carry-over between years.
 */
export function makeCorpus(dir: string, count: number, years = [2022, 2023]): string[] {
  const files: string[] = [];
  for (let i = 0; files.length < count; i++) {
    const agency = `某市第${i + 1}区${AGENCY_KINDS[i % AGENCY_KINDS.length]}`;
    let carried = i % 3;
    let inForce = 10 + (i % 5);
    for (const [k, year] of years.entries()) {
      if (files.length >= count) break;
      const r: TinyReport = {
        agency,
        year,
        carriedOver: i % 7 === 1 && k > 0 ? carried + 1 : carried,
        newReceived: 2 + (i % 11),
        carriedForward: (i + year) % 3,
        issued: i % 4,
        repealed: i % 2,
        inForce: 0,
      };
      r.carriedForward = Math.min(r.carriedForward, r.newReceived + r.carriedOver);
      inForce += r.issued - r.repealed;
      r.inForce = inForce;
      carried = r.carriedForward;
      const kind = i % 3;
      const path = join(dir, `region-${i % 10}`, `${agency}-${year}.${kind === 2 ? 'html' : 'txt'}`);
      writeFile(path, kind === 0 ? fixtureVariant(agency, year, i) : kind === 1 ? tinyReport(r) : htmlVariant(r));
      files.push(path);
    }
  }
  return files;
}
