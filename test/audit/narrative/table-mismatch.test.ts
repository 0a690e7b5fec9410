import { describe, expect, it } from 'vitest';
import { audit, type Tables } from './report-text.js';

const P = '一、总体情况 ↔ ';
const apps = (counts: Record<string, number>): Tables => ({ applications: counts });

interface Case {
  subject: string;
  prose: string;
  agrees: Tables;
  contradicts: Tables;
  location: string;
}

/** Each subject the narrative states: once over a table that agrees, once over one that does not. */
const CASES: Case[] = [
  {
    subject: '收到 (新收, no carry-over)',
    prose: '全年共收到政府信息公开申请12件。',
    agrees: apps({ new_received: 12 }),
    contradicts: apps({ new_received: 15 }),
    location: `${P}表三/一、本年新收/总计`,
  },
  {
    subject: '收到 fits 新收＋上年结转',
    prose: '全年共受理政府信息公开申请13件。',
    agrees: apps({ new_received: 12, carried_over: 1 }),
    contradicts: apps({ new_received: 15, carried_over: 1 }),
    location: `${P}表三/一、本年新收/总计`,
  },
  {
    subject: '收到（含上年结转）',
    prose: '本年度共受理政府信息公开申请13件（含上年结转1件）。',
    agrees: apps({ new_received: 12, carried_over: 1 }),
    contradicts: apps({ new_received: 13, carried_over: 1 }),
    location: `${P}表三/一、本年新收+二、上年结转/总计`,
  },
  {
    subject: '本年新收',
    prose: '本年新收政府信息公开申请十二件。',
    agrees: apps({ new_received: 12, carried_over: 3 }),
    contradicts: apps({ new_received: 15, carried_over: 3 }),
    location: `${P}表三/一、本年新收/总计`,
  },
  {
    subject: '上年结转',
    prose: '收到政府信息公开申请12件，上年结转２件。',
    agrees: apps({ new_received: 12, carried_over: 2 }),
    contradicts: apps({ new_received: 12, carried_over: 3 }),
    location: `${P}表三/二、上年结转/总计`,
  },
  {
    subject: '办结',
    prose: '全年办结政府信息公开申请11件。',
    agrees: apps({ total_processed: 11 }),
    contradicts: apps({ total_processed: 9 }),
    location: `${P}表三/（七）总计/总计`,
  },
  {
    subject: '结转下年',
    prose: '依申请公开方面，结转下年度继续办理1件。',
    agrees: apps({ carried_forward: 1 }),
    contradicts: apps({ carried_forward: 2 }),
    location: `${P}表三/四、结转下年度继续办理/总计`,
  },
  {
    subject: '（一）予以公开',
    prose: '依申请公开方面，予以公开5件。',
    agrees: apps({ granted: 5 }),
    contradicts: apps({ granted: 6 }),
    location: `${P}表三/（一）予以公开/总计`,
  },
  {
    subject: '（二）部分公开',
    prose: '依申请公开方面，部分公开2件。',
    agrees: apps({ partially_granted: 2 }),
    contradicts: apps({ partially_granted: 1 }),
    location: `${P}表三/（二）部分公开/总计`,
  },
  {
    subject: '予以公开及部分公开',
    prose: '依申请公开方面，予以公开及部分公开7件。',
    agrees: apps({ granted: 5, partially_granted: 2 }),
    contradicts: apps({ granted: 5, partially_granted: 3 }),
    location: `${P}表三/（一）予以公开+（二）部分公开/总计`,
  },
  {
    subject: '（三）不予公开 (group)',
    prose: '依申请公开方面，不予公开2件。',
    agrees: apps({ denied_state_secret: 1, denied_third_party: 1 }),
    contradicts: apps({ denied_state_secret: 1 }),
    location: `${P}表三/（三）不予公开/总计`,
  },
  {
    subject: '（四）无法提供 (group, not only 不掌握)',
    prose: '依申请公开方面，无法提供4件。',
    agrees: apps({ unavailable_not_held: 3, unavailable_needs_creation: 1 }),
    contradicts: apps({ unavailable_not_held: 4, unavailable_needs_creation: 1 }),
    location: `${P}表三/（四）无法提供/总计`,
  },
  {
    subject: '（五）不予处理',
    prose: '依申请公开方面，不予处理1件。',
    agrees: apps({ rejected_duplicate: 1 }),
    contradicts: apps({ rejected_duplicate: 1, rejected_petition: 2 }),
    location: `${P}表三/（五）不予处理/总计`,
  },
  {
    subject: '（六）其他处理',
    prose: '依申请公开方面，其他处理1件。',
    agrees: apps({ other_no_correction: 1 }),
    contradicts: apps({}),
    location: `${P}表三/（六）其他处理/总计`,
  },
  {
    subject: '行政复议 N件',
    prose: '本年度发生政府信息公开行政复议2件。',
    agrees: { review: { review: [1, 0, 0, 1] } },
    contradicts: { review: { review: [1, 0, 0, 0] } },
    location: `${P}表四/行政复议/总计`,
  },
  {
    subject: '行政诉讼 N件 (direct + after review)',
    prose: '本年度因政府信息公开被提起行政诉讼3件。',
    agrees: { review: { litigation_direct: [1, 0, 0, 0], litigation_after_review: [2, 0, 0, 0] } },
    contradicts: { review: { litigation_direct: [1, 0, 0, 0] } },
    location: `${P}表四/行政诉讼/总计`,
  },
  {
    subject: '规范性文件 制发/废止/现行有效',
    prose: '全年制发行政规范性文件2件，废止1件，现行有效5件。',
    agrees: { normative: [2, 1, 5] },
    contradicts: { normative: [2, 3, 5] },
    location: `${P}表二/第二十条第（一）项/行政规范性文件/本年废止件数`,
  },
  {
    subject: '行政许可',
    prose: '全年作出行政许可决定1,234件。',
    agrees: { licensing: 1234 },
    contradicts: { licensing: 1243 },
    location: `${P}表二/第二十条第（五）项/行政许可/本年处理决定数量`,
  },
  {
    subject: '行政处罚',
    prose: '全年作出行政处罚决定一百零五件。',
    agrees: { penalty: 105 },
    contradicts: { penalty: 150 },
    location: `${P}表二/第二十条第（六）项/行政处罚/本年处理决定数量`,
  },
  {
    subject: '行政强制',
    prose: '全年采取行政强制措施两次。',
    agrees: { coercion: 2 },
    contradicts: { coercion: 3 },
    location: `${P}表二/第二十条第（六）项/行政强制/本年处理决定数量`,
  },
  {
    subject: '行政事业性收费 (万元 at the precision written)',
    prose: '全年收取行政事业性收费18.87万元。',
    agrees: { fees: '18.8710' },
    contradicts: { fees: '21.5000' },
    location: `${P}表二/第二十条第（八）项/行政事业性收费/本年收费金额`,
  },
  {
    subject: 'zero: 没有收到申请',
    prose: '本年度我局没有收到要求政府信息公开的申请。',
    agrees: apps({ carried_over: 1 }),
    contradicts: apps({ new_received: 2 }),
    location: `${P}表三/一、本年新收/总计`,
  },
  {
    subject: 'zero: 未发生行政复议、行政诉讼 (复议)',
    prose: '本年度未发生因政府信息公开引起的行政复议、行政诉讼。',
    agrees: {},
    contradicts: { review: { review: [1, 0, 0, 0] } },
    location: `${P}表四/行政复议/总计`,
  },
  {
    subject: 'zero: 未发生行政复议、行政诉讼 (诉讼)',
    prose: '本年度未发生因政府信息公开引起的行政复议、行政诉讼。',
    agrees: {},
    contradicts: { review: { litigation_after_review: [0, 0, 0, 1] } },
    location: `${P}表四/行政诉讼/总计`,
  },
  {
    subject: 'zero: 行政复议：无',
    prose: '行政复议情况：无。',
    agrees: {},
    contradicts: { review: { review: [1, 0, 0, 0] } },
    location: `${P}表四/行政复议/总计`,
  },
  {
    subject: '均获维持 vs 尚未审结',
    prose: '本年度发生行政复议2件，均获维持。',
    agrees: { review: { review: [2, 0, 0, 0] } },
    contradicts: { review: { review: [1, 0, 0, 1] } },
    location: `${P}表四/行政复议/尚未审结`,
  },
  {
    subject: '均获维持 vs 纠正',
    prose: '本年度发生行政复议2件，均获维持。',
    agrees: { review: { review: [2, 0, 0, 0] } },
    contradicts: { review: { review: [1, 1, 0, 0] } },
    location: `${P}表四/行政复议/结果纠正`,
  },
  {
    subject: '未被纠错',
    prose: '本年度被提起行政诉讼1件，未被纠错。',
    agrees: { review: { litigation_direct: [1, 0, 0, 0] } },
    contradicts: { review: { litigation_direct: [0, 1, 0, 0] } },
    location: `${P}表四/行政诉讼/未经复议直接起诉/结果纠正`,
  },
];

describe('narrative/table-mismatch: each subject against a table that agrees and one that does not', () => {
  for (const c of CASES) {
    it(`${c.subject}: agrees`, async () => {
      expect((await audit(c.prose, c.agrees)).narrative).toEqual([]);
    });
    it(`${c.subject}: contradicts`, async () => {
      expect((await audit(c.prose, c.contradicts)).narrative).toEqual([`narrative/table-mismatch @ ${c.location}`]);
    });
  }
});

describe('narrative/table-mismatch stays silent when it cannot be sure', () => {
  const table = apps({
    new_received: 15,
    carried_over: 2,
    granted: 5,
    unavailable_not_held: 3,
    unavailable_needs_creation: 2,
    total_processed: 15,
    carried_forward: 2,
  });
  const silent: [string, string][] = [
    ["last year's numbers", '2022年，我局共收到政府信息公开申请20件，办结19件。'],
    ['上年 in the clause', '上年度共收到政府信息公开申请20件。'],
    ['a change, not a count', '全年收到政府信息公开申请较上年增加3件。'],
    ['approximate', '全年收到政府信息公开申请约10件。'],
    ['approximate after the number', '全年收到政府信息公开申请10余件。'],
    ['a sub-item and its group in one breath', '因本机关不掌握相关信息无法提供3件。'],
    ['percentages of other things', '依申请公开按时答复率100%，网站访问量同比增长15%。'],
    ['答复 on time is not 答复', '全年按时答复政府信息公开申请13件。'],
    ['other topics', '全年办理人大代表建议12件，回复网民留言30条，发布信息200条。'],
    ['行政许可 items, not decisions', '梳理公布行政许可事项清单36项，受理行政许可申请40件。'],
    ['a unit that is not a count', '举办政务公开培训3期，参训120人次。'],
    ['plans for next year', '2024年，我局将力争办结全部申请。'],
    ['ordinals and words', '一是进一步规范依申请公开，第一时间答复，一次性告知。'],
  ];
  for (const [why, prose] of silent) {
    it(why, async () => {
      expect((await audit(prose, table)).narrative.filter((f) => !f.startsWith('narrative/stale-year'))).toEqual([]);
    });
  }

  it('never compares against a blank cell', async () => {
    const text = (await import('./report-text.js'))
      .reportText('全年共收到政府信息公开申请12件。', apps({ new_received: 15 }))
      .replace(
        '| 一、本年新收政府信息公开申请数量 | 15 | 0 | 0 | 0 | 0 | 0 | 15 |',
        '| 一、本年新收政府信息公开申请数量 | 15 | 0 | 0 | 0 | 0 | 0 |  |',
      );
    const { auditBytes } = await import('../../../src/pipeline.js');
    const result = await auditBytes(Buffer.from(text), 'x.txt');
    expect(result.findings.filter((f) => f.rule === 'narrative/table-mismatch')).toEqual([]);
  });

  it('quotes the sentence and gives the table number', async () => {
    const { findings } = await audit('全年共收到政府信息公开申请12件。', apps({ new_received: 15 }));
    const f = findings.find((x) => x.rule === 'narrative/table-mismatch')!;
    expect(f.actual).toBe('全年共收到政府信息公开申请12件');
    expect(f.expected).toBe('15');
    expect(f.severity).toBe('warning');
  });
});
