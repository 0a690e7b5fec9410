/**
 * Reports whose prose contradicts their tables, or itself, in the ways
 * auditors meet: a received count that fits neither 新收 nor 新收＋结转,
 * 「未发生行政复议」 over cases, 「均获维持」 over 尚未审结, a 「无法提供」 that is
 * only its first sub-item, sums and shares that do not add up, a 万 too many,
 * last year's paragraph left in. The prose is written from the final cells,
 * so every number not planted wrong agrees with the tables.
 */
import { APPLICATION_COLUMNS } from '../../src/model/templates.js';
import type { ReportData } from './render.js';
import type { ReportSource } from './sources.js';

const TOTAL = APPLICATION_COLUMNS.length - 1;
const cell = (d: ReportData, row: string) => Number(d.applications![row]![TOTAL]);

/** one applicant column row with its total: [n, 0, 0, 0, 0, 0, n] */
const only = (n: number) => [String(n), '0', '0', '0', '0', '0', String(n)];
const reviewRow = (upheld: number, corrected: number, other: number, pending: number) =>
  [upheld, corrected, other, pending, upheld + corrected + other + pending].map(String);

/** Sets a small, fully known 表三 so that the prose can be written against it. */
function smallApplications(d: ReportData, counts: Record<string, number>): void {
  for (const row of Object.keys(d.applications!)) d.applications![row] = only(counts[row] ?? 0);
}

const OPENING = (year: number, agency: string) =>
  `${year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作推进决策、执行、管理、服务、结果公开。`;

export const NARRATIVE_SOURCES: ReportSource[] = [
  {
    id: '2023-songlin-county-civil-affairs',
    agency: '松林县民政局',
    year: 2023,
    level: 'county',
    template: '2021',
    layout: 'official',
    seed: 31,
    encoding: 'utf-8',
    note: 'prose: received count fits neither 新收 nor 新收＋结转; 「未发生行政复议、行政诉讼」 over a 表四 with two 复议 cases',
    plant: (d) => {
      smallApplications(d, {
        new_received: 15,
        carried_over: 1,
        granted: 9,
        partially_granted: 2,
        unavailable_not_held: 4,
        total_processed: 15,
        carried_forward: 1,
      });
      d.reviewLitigation = {
        review: reviewRow(1, 0, 0, 1),
        litigation_direct: reviewRow(0, 0, 0, 0),
        litigation_after_review: reviewRow(0, 0, 0, 0),
      };
      d.prose[1] = [
        OPENING(d.year, d.agency),
        '（一）依申请公开。全年共收到政府信息公开申请12件，上年结转1件，予以公开9件，部分公开2件。',
        '（二）行政复议和行政诉讼。本年度未发生因政府信息公开引起的行政复议、行政诉讼。',
      ];
    },
    expected: [
      { rule: 'narrative/table-mismatch', location: '一、总体情况 ↔ 表三/一、本年新收/总计' },
      { rule: 'narrative/table-mismatch', location: '一、总体情况 ↔ 表四/行政复议/总计' },
    ],
  },
  {
    id: '2022-qinghe-city-office',
    agency: '清河市人民政府办公室',
    year: 2022,
    level: 'city',
    template: '2021',
    layout: 'official',
    seed: 32,
    encoding: 'utf-8',
    note: 'prose (a large city office): 予以公开及部分公开 ≠ （一）+（二); 无法提供 counts only 不掌握; 「均获维持」 while cases are 尚未审结',
    plant: (d) => {
      d.reviewLitigation = {
        review: reviewRow(3, 0, 0, 2),
        litigation_direct: reviewRow(1, 0, 0, 0),
        litigation_after_review: reviewRow(0, 0, 0, 0),
      };
      const a = d.applications!;
      const before = a.unavailable_needs_creation!.map(Number);
      const after = only(3).map(Number);
      a.unavailable_needs_creation = after.map(String);
      // every identity still holds: the added cases were received and answered this year
      for (const row of ['new_received', 'total_processed'])
        a[row] = a[row]!.map((v, i) => String(Number(v) + after[i]! - before[i]!));
      const granted = cell(d, 'granted');
      const partial = cell(d, 'partially_granted');
      d.prose[1] = [
        OPENING(d.year, d.agency),
        `（一）依申请公开。本年度新收政府信息公开申请${cell(d, 'new_received')}件，办结${cell(d, 'total_processed')}件。予以公开及部分公开${granted + partial + 2}件，无法提供${cell(d, 'unavailable_not_held')}件。`,
        `（二）行政复议和行政诉讼。全年因政府信息公开被申请行政复议5件、被提起行政诉讼1件，均获维持。`,
      ];
    },
    expected: [
      { rule: 'narrative/table-mismatch', location: '一、总体情况 ↔ 表三/（一）予以公开+（二）部分公开/总计' },
      { rule: 'narrative/table-mismatch', location: '一、总体情况 ↔ 表三/（四）无法提供/总计' },
      { rule: 'narrative/table-mismatch', location: '一、总体情况 ↔ 表四/行政复议/尚未审结' },
    ],
  },
  {
    id: '2023-shitan-town',
    agency: '石潭镇人民政府',
    year: 2023,
    level: 'township',
    template: '2021',
    layout: 'official',
    seed: 33,
    encoding: 'utf-8',
    note: 'prose: the 规范性文件 paragraph copied from the 2022 report (0 / 0 / 0 against 表二 4 / 0 / 32): dated 2022, so an info finding and no comparison',
    plant: (d) => {
      d.activeDisclosure!.art20_1!.normative_documents = ['4', '0', '32'];
      d.prose[1] = [
        OPENING(d.year, d.agency),
        '2022年，我镇共制定规范性文件0件，废止规范性文件0件，现行有效的规范性文件0件。',
        `（二）依申请公开。全年共收到政府信息公开申请${cell(d, 'new_received')}件。`,
      ];
    },
    expected: [{ rule: 'narrative/stale-year', location: '一、总体情况' }],
  },
  {
    id: '2023-lanxi-district-justice',
    agency: '兰溪区司法局',
    year: 2023,
    level: 'county',
    template: '2021',
    layout: 'flat',
    seed: 34,
    encoding: 'utf-8',
    note: 'prose: 表二 counts (规范性文件, 行政处罚) stated; 行政处罚 one off; the parts of 「发布信息」 exceed the total',
    plant: (d) => {
      const [issued, repealed, inForce] = d.activeDisclosure!.art20_1!.normative_documents!;
      const penalty = Number(d.activeDisclosure!.art20_6!.penalty![0]);
      d.prose[1] = [
        OPENING(d.year, d.agency),
        `（一）主动公开。全年在门户网站发布信息86条，其中工作动态52条，通知公告37条。制发行政规范性文件${issued}件，废止${repealed}件，现行有效${inForce}件。`,
        `（二）执法信息公开。全年作出行政处罚决定${penalty + 1}件，均按规定在7个工作日内公示。`,
      ];
    },
    expected: [
      {
        rule: 'narrative/table-mismatch',
        location: '一、总体情况 ↔ 表二/第二十条第（六）项/行政处罚/本年处理决定数量',
      },
      { rule: 'narrative/sum-mismatch', location: '一、总体情况' },
    ],
  },
  {
    id: '2022-dongshan-city-summary',
    agency: '东山市人民政府办公室',
    year: 2022,
    level: 'city',
    template: '2021',
    layout: 'official',
    seed: 35,
    encoding: 'utf-8',
    note: 'prose: a 万 too many in a stated total whose parts add up without it (a city summary)',
    plant: (d) => {
      d.prose[1] = [
        OPENING(d.year, d.agency),
        '（一）主动公开。全市政府网站主动公开政府信息173769万条，其中市政府及其部门主动公开政府信息75656条，县（区）政府及其部门主动公开政府信息98113条。',
      ];
    },
    expected: [{ rule: 'narrative/sum-mismatch', location: '一、总体情况' }],
  },
  {
    id: '2022-heping-street',
    agency: '和平街道办事处',
    year: 2022,
    level: 'township',
    template: '2021',
    layout: 'official',
    seed: 36,
    encoding: 'utf-8',
    note: 'prose: the balance told in words does not hold (7 + 1 ≠ 3 + 3 + 1), and its 无法提供 contradicts 表三; a share of the answered total stated wrong',
    plant: (d) => {
      smallApplications(d, {
        new_received: 7,
        carried_over: 1,
        granted: 3,
        unavailable_not_held: 4,
        total_processed: 7,
        carried_forward: 1,
      });
      d.prose[1] = [
        OPENING(d.year, d.agency),
        '（一）依申请公开。共收到信息公开申请7件，上年度结转1件；予以公开3件，无法提供3件，结转下年继续办理1件。',
        '（二）答复情况。全年办结政府信息公开申请7件，其中予以公开3件，占办结总数的33.9%。',
      ];
    },
    expected: [
      { rule: 'narrative/sum-mismatch', location: '一、总体情况' },
      { rule: 'narrative/table-mismatch', location: '一、总体情况 ↔ 表三/（四）无法提供/总计' },
      { rule: 'narrative/share-mismatch', location: '一、总体情况' },
    ],
  },
  {
    id: '2023-yuhua-county-natural-resources',
    agency: '雨花县自然资源局',
    year: 2023,
    level: 'county',
    template: '2021',
    layout: 'official',
    seed: 37,
    encoding: 'gbk',
    note: 'clean: prose full of numbers that agree — Chinese numerals, full-width digits, 含上年结转, a balance in words, shares — and numbers that must not be compared (last year, changes, approximations, shares of other things)',
    plant: (d) => {
      smallApplications(d, {
        new_received: 12,
        carried_over: 2,
        granted: 6,
        partially_granted: 2,
        unavailable_not_held: 3,
        rejected_duplicate: 1,
        total_processed: 12,
        carried_forward: 2,
      });
      d.reviewLitigation = {
        review: reviewRow(1, 0, 0, 0),
        litigation_direct: reviewRow(0, 0, 0, 0),
        litigation_after_review: reviewRow(0, 0, 0, 0),
      };
      const [issued, repealed, inForce] = d.activeDisclosure!.art20_1!.normative_documents!;
      d.prose[1] = [
        OPENING(d.year, d.agency),
        `（一）主动公开。全年发布信息1.2万余条，较2022年增加300条，网站访问量同比增长15%。制发行政规范性文件${issued}件、废止${repealed}件，现行有效${inForce}件。`,
        '（二）依申请公开。本年度共受理政府信息公开申请十四件（含上年结转２件），其中自然人申请十四件。办结十二件，其中予以公开及部分公开8件，占办结总数的66.7%，因本机关不掌握相关信息无法提供3件，不予处理1件；结转下年度继续办理2件。2022年全年共收到申请20件，本年收到申请较上年减少8件，予以公开的占比约为一半。',
        '（三）行政复议。本年度发生政府信息公开行政复议1件，结果维持，未被纠错；未发生行政诉讼。',
      ];
      d.prose[5] = [
        '（一）存在的主要问题。一是公开内容的全面性还需加强。',
        '（二）改进情况。2024年，我局将开展业务培训2次，力争按时答复率达到100%。',
      ];
    },
    expected: [],
  },
];
