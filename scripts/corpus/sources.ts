/**
 * The corpus: each report's parameters, the discrepancies planted in it, and
 * the findings nianbao must report for it — every one, and nothing else.
 */
import { APPLICATION_COLUMNS } from '../../src/model/templates.js';
import type { BaseSpec } from './generate.js';
import type { ReportData } from './render.js';
import { NARRATIVE_SOURCES } from './narrative-sources.js';

export interface Expected {
  rule: string;
  location: string;
}

export interface ReportSource extends BaseSpec {
  id: string;
  encoding: 'utf-8' | 'gbk';
  /** what makes this report differ from a clean one: applied to the generated data */
  plant?: (data: ReportData) => void;
  /** the findings it must produce (empty: a clean report) */
  expected: Expected[];
  note: string;
}

const col = (key: string) => APPLICATION_COLUMNS.findIndex((c) => c.key === key);
const bump = (row: string[], key: string, by: number) => (row[col(key)] = String(Number(row[col(key)]) + by));

const LIUHE_2022: ReportSource = {
  id: '2022-liuhe-county-civil-affairs',
  agency: '柳河县民政局',
  year: 2022,
  level: 'county',
  template: '2021',
  layout: 'official',
  seed: 31,
  encoding: 'utf-8',
  expected: [],
  note: 'the year before 2023-liuhe-county-civil-affairs: clean, and the base its successor carries over from',
};

export const SOURCES: ReportSource[] = [
  LIUHE_2022,
  {
    id: '2023-liuhe-county-civil-affairs',
    agency: '柳河县民政局',
    year: 2023,
    level: 'county',
    template: '2021',
    layout: 'flat',
    seed: 32,
    encoding: 'utf-8',
    previous: LIUHE_2022,
    note: 'carries over one application more than 2022 carried forward (balanced within the year); 行政规范性文件 in force 2 more than last year allows; published in March',
    plant: (d) => {
      for (const row of [d.applications!.carried_over!, d.applications!.carried_forward!])
        for (const k of ['natural_person', 'total']) bump(row, k, 1);
      const normative = d.activeDisclosure!.art20_1!.normative_documents!;
      normative[2] = String(Number(normative[2]) + 2);
      d.published = '2024-03-15';
    },
    expected: [
      { rule: 'cross-year/carry-over', location: '表三/二、上年结转/自然人' },
      { rule: 'cross-year/carry-over', location: '表三/二、上年结转/总计' },
      { rule: 'cross-year/in-force-stock', location: '表二/第二十条第（一）项/行政规范性文件/现行有效件数' },
      { rule: 'meta/published-late', location: '发布日期' },
    ],
  },
  // ── clean reports ────────────────────────────────────────────────
  {
    id: '2023-qingshui-town',
    agency: '清水镇人民政府',
    year: 2023,
    level: 'township',
    template: '2021',
    layout: 'official',
    seed: 11,
    encoding: 'utf-8',
    expected: [],
    note: 'township, 2021 template, official merged layout',
  },
  {
    id: '2023-anping-county-stats',
    agency: '安平县统计局',
    year: 2023,
    level: 'county',
    template: '2021',
    layout: 'flat',
    seed: 12,
    encoding: 'gbk',
    expected: [],
    note: 'county bureau, flattened layout, GBK page',
  },
  {
    id: '2022-hexi-city-housing',
    agency: '河西市住房和城乡建设局',
    year: 2022,
    level: 'city',
    template: '2021',
    layout: 'official',
    seed: 13,
    encoding: 'gbk',
    expected: [],
    note: 'city bureau, official layout, GBK page',
  },
  {
    id: '2020-dongtan-township',
    agency: '东滩乡人民政府',
    year: 2020,
    level: 'township',
    template: '2019',
    layout: 'official',
    seed: 14,
    encoding: 'utf-8',
    expected: [],
    note: '2019 template (a 2020 report), official layout',
  },
  {
    id: '2019-nanhu-district-office',
    agency: '南湖区人民政府办公室',
    year: 2019,
    level: 'county',
    template: '2019',
    layout: 'flat',
    seed: 15,
    encoding: 'utf-8',
    expected: [],
    note: '2019 template, flattened layout, 表二 with 增/减 changes',
  },
  {
    id: '2024-provincial-water',
    agency: '江北省水利厅',
    year: 2024,
    level: 'province',
    template: '2021',
    layout: 'official',
    seed: 16,
    encoding: 'utf-8',
    expected: [],
    note: 'provincial department, large numbers, not-applicable "/" for 规章',
    plant: (d) => (d.activeDisclosure!.art20_1!.regulations = ['/', '/', '/']),
  },
  {
    id: '2022-xinhua-street',
    agency: '新华街道办事处',
    year: 2022,
    level: 'township',
    template: '2021',
    layout: 'official',
    seed: 17,
    encoding: 'utf-8',
    expected: [],
    note: 'street office; research and legal-services columns written "/" (not applicable, counts as none)',
    plant: (d) => {
      for (const row of Object.values(d.applications!))
        for (const k of ['research', 'legal_services']) if (row[col(k)] === '0') row[col(k)] = '/';
    },
  },
  {
    id: '2023-lingang-city-office',
    agency: '临港市人民政府办公室',
    year: 2023,
    level: 'city',
    template: '2021',
    layout: 'flat',
    seed: 18,
    encoding: 'utf-8',
    expected: [],
    note: 'city government office, flattened layout, 表四 drawn by group rows',
  },
  {
    id: '2021-baishui-county-edu',
    agency: '白水县教育局',
    year: 2021,
    level: 'county',
    template: '2021',
    layout: 'official',
    seed: 19,
    encoding: 'gbk',
    expected: [],
    note: 'first year of the 2021 template, GBK',
  },

  // ── planted discrepancies ────────────────────────────────────────
  {
    id: '2023-shuangqiao-town',
    agency: '双桥镇人民政府',
    year: 2023,
    level: 'township',
    template: '2021',
    layout: 'official',
    seed: 33,
    encoding: 'gbk',
    note: 'a town reports 6 规章 in force (its 行政规范性文件 in the wrong row)',
    plant: (d) => {
      const art = d.activeDisclosure!.art20_1!;
      art.regulations = ['0', '0', art.normative_documents![2]!];
      art.normative_documents = ['0', '0', '0'];
    },
    expected: [{ rule: 'active-disclosure/regulations-without-power', location: '表二/第二十条第（一）项/规章' }],
  },
  {
    id: '2023-fengyang-county-health',
    agency: '凤阳县卫生健康委员会',
    year: 2023,
    level: 'county',
    template: '2021',
    layout: 'official',
    seed: 21,
    encoding: 'utf-8',
    note: 'one 予以公开 cell one too high: its row total and its column total both break',
    plant: (d) => bump(d.applications!.granted!, 'natural_person', 1),
    expected: [
      { rule: 'applications/row-total', location: '表三/（一）予以公开/总计' },
      { rule: 'applications/outcome-total', location: '表三/（七）总计/自然人' },
    ],
  },
  {
    id: '2022-shangcheng-district-market',
    agency: '上城区市场监督管理局',
    year: 2022,
    level: 'county',
    template: '2021',
    layout: 'flat',
    seed: 22,
    encoding: 'gbk',
    note: '结转下年度 overstated by 2 for natural persons (row total adjusted): the balance breaks in two columns',
    plant: (d) => {
      bump(d.applications!.carried_forward!, 'natural_person', 2);
      bump(d.applications!.carried_forward!, 'total', 2);
    },
    expected: [
      { rule: 'applications/balance', location: '表三/四、结转下年度继续办理/自然人' },
      { rule: 'applications/balance', location: '表三/四、结转下年度继续办理/总计' },
    ],
  },
  {
    id: '2023-yunxi-county-resources',
    agency: '云溪县自然资源局',
    year: 2023,
    level: 'county',
    template: '2021',
    layout: 'official',
    seed: 23,
    encoding: 'utf-8',
    note: '表四 复议 total wrong; 复议后起诉 left blank; 表二 行政许可 written as text',
    plant: (d) => {
      const review = d.reviewLitigation!.review!;
      review[4] = String(Number(review[4]) + 3);
      d.reviewLitigation!.litigation_after_review = ['', '', '', '', ''];
      d.activeDisclosure!.art20_5!.licensing = ['若干'];
    },
    expected: [
      { rule: 'review-litigation/total', location: '表四/行政复议/总计' },
      { rule: 'table/blank-cell', location: '表四/行政诉讼/复议后起诉' },
      { rule: 'table/invalid-number', location: '表二/第二十条第（五）项/行政许可/本年处理决定数量' },
    ],
  },
  {
    id: '2023-taoyuan-town',
    agency: '桃源镇人民政府',
    year: 2023,
    level: 'township',
    template: '2021',
    layout: 'official',
    seed: 24,
    encoding: 'utf-8',
    note: 'part 三 has no heading; 五 uses the long wording; 五 and 六 swapped',
    plant: (d) => {
      d.headings[3] = null;
      d.headings[5] = '五、政府信息公开工作存在的主要问题及改进情况';
      d.sectionOrder = [1, 2, 3, 4, 6, 5];
    },
    expected: [
      { rule: 'structure/missing-section', location: '三、收到和处理政府信息公开申请情况' },
      { rule: 'structure/heading-mislabeled', location: '五、存在的主要问题及改进情况' },
      { rule: 'structure/section-order', location: '五、政府信息公开工作存在的主要问题及改进情况' },
    ],
  },
  {
    id: '2024-jinghai-district-culture',
    agency: '静海区文化和旅游局',
    year: 2024,
    level: 'county',
    template: '2021',
    layout: 'official',
    seed: 25,
    encoding: 'utf-8',
    note: '表四 published as an image (heading, no table); 表三 lacks 8.属于行政查询事项; 表二 lacks （八）',
    plant: (d) => {
      d.reviewLitigation = null;
      delete d.applications!.denied_inquiry;
      delete d.activeDisclosure!.art20_8;
    },
    expected: [
      { rule: 'structure/missing-table', location: '表四' },
      { rule: 'structure/missing-row', location: '表三/（三）8.属于行政查询事项' },
      { rule: 'structure/missing-row', location: '表二/第二十条第（八）项' },
    ],
  },
  {
    id: '2022-xiyuan-logistics-centre',
    agency: '西苑区机关事务服务中心',
    year: 2022,
    level: 'county',
    template: '2019',
    layout: 'official',
    seed: 26,
    encoding: 'utf-8',
    note: 'a 2022 report still on the 2019 tables',
    expected: [
      { rule: 'meta/template-outdated', location: '表二' },
      { rule: 'meta/template-outdated', location: '表三' },
    ],
  },
  {
    id: '2023-beiling-district-audit',
    agency: '北陵区审计局',
    year: 2023,
    level: 'county',
    template: '2021',
    layout: 'flat',
    seed: 27,
    encoding: 'utf-8',
    note: "last year's statistics period left in a 2023 report",
    plant: (d) => (d.period = '2022年1月1日至2022年12月31日'),
    expected: [{ rule: 'meta/year-mismatch', location: '统计期限' }],
  },
  {
    id: '2023-huashan-township',
    agency: '华山乡人民政府',
    year: 2023,
    level: 'township',
    template: '2021',
    layout: 'official',
    seed: 28,
    encoding: 'gbk',
    note: 'blank 法人 cells in 部分公开; 其他处理 written as 若干; 二、 used twice',
    plant: (d) => {
      const partial = d.applications!.partially_granted!;
      for (const k of ['commercial', 'research']) partial[col(k)] = '';
      d.applications!.other_other![col('natural_person')] = '若干';
      d.headings[3] = '二、收到和处理政府信息公开申请情况';
    },
    expected: [
      { rule: 'table/blank-cell', location: '表三/（二）部分公开' },
      { rule: 'table/invalid-number', location: '表三/（六）3.其他/自然人' },
      { rule: 'structure/section-order', location: '二、收到和处理政府信息公开申请情况' },
      { rule: 'structure/heading-mislabeled', location: '三、收到和处理政府信息公开申请情况' },
    ],
  },
  {
    id: '2021-changle-county-transport',
    agency: '长乐县交通运输局',
    year: 2021,
    level: 'county',
    template: '2021',
    layout: 'flat',
    seed: 29,
    encoding: 'gbk',
    note: '（七）总计 for 商业企业 one too low and its row total adjusted: outcome total and balance break in that column',
    plant: (d) => {
      bump(d.applications!.total_processed!, 'commercial', -1);
      bump(d.applications!.total_processed!, 'total', -1);
    },
    expected: [
      { rule: 'applications/outcome-total', location: '表三/（七）总计/商业企业' },
      { rule: 'applications/outcome-total', location: '表三/（七）总计/总计' },
      { rule: 'applications/balance', location: '表三/四、结转下年度继续办理/商业企业' },
      { rule: 'applications/balance', location: '表三/四、结转下年度继续办理/总计' },
    ],
  },
  {
    id: '2023-hongguang-town',
    agency: '红光镇人民政府',
    year: 2023,
    level: 'township',
    template: '2021',
    layout: 'official',
    seed: 38,
    encoding: 'utf-8',
    note: 'two 表三 labels misprinted (法规禁 dropped, 复 dropped), their values in place: read by position, reported as mislabeled',
    plant: (d) => {
      d.rowLabels = { denied_law_prohibited: '2.其他法律行政止公开', rejected_excessive: '4.无正当理由大量反申请' };
    },
    expected: [
      { rule: 'structure/row-mislabeled', location: '表三/（三）2.其他法律行政法规禁止公开' },
      { rule: 'structure/row-mislabeled', location: '表三/（五）4.无正当理由大量反复申请' },
    ],
  },
  ...NARRATIVE_SOURCES,
];
