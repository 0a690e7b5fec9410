import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/ir.js';
import {
  ACTIVE_DISCLOSURE,
  APPLICATION_COLUMNS,
  APPLICATION_ROWS,
  OUTCOME_GROUP_LABELS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  type Version,
} from '../../src/model/templates.js';
import { structureActiveDisclosure } from '../../src/structure/active-disclosure.js';
import { structureApplications } from '../../src/structure/applications.js';
import { splitRun } from '../../src/structure/digit-runs.js';
import { viewOf } from '../../src/structure/grid-view.js';
import { structureReviewLitigation } from '../../src/structure/review-litigation.js';
import { textTable } from './text-table.js';

/**
 * Facts from the crawler texts of pingtan-gov-20*.page.txt, read by hand against
 * the same pages' stored HTML: each 表三 row's digits as printed (run
 * together) and its true cells; 表四's one run for all three groups; the
 * 表二 rows whose digits split more than one way, with how many ways.
 */
const PINGTAN: Record<
  string,
  {
    template: Version;
    applications: [string, string, string][];
    reviewLitigation: [string, string];
    ambiguous: [string, string, string, number][];
  }
> = {
  '2019': {
    template: '2019',
    applications: [
      ['new_received', '230 000023', '23/0/0/0/0/0/23'],
      ['carried_over', '0000000', '0/0/0/0/0/0/0'],
      ['granted', '7000007', '7/0/0/0/0/0/7'],
      ['partially_granted', '1000001', '1/0/0/0/0/0/1'],
      ['denied_state_secret', '0000000', '0/0/0/0/0/0/0'],
      ['denied_law_prohibited', '0000000', '0/0/0/0/0/0/0'],
      ['denied_security_stability', '0000000', '0/0/0/0/0/0/0'],
      ['denied_third_party', '0000000', '0/0/0/0/0/0/0'],
      ['denied_internal_affairs', '0000000', '0/0/0/0/0/0/0'],
      ['denied_process_info', '0000000', '0/0/0/0/0/0/0'],
      ['denied_enforcement_file', '0000000', '0/0/0/0/0/0/0'],
      ['denied_inquiry', '0000000', '0/0/0/0/0/0/0'],
      ['unavailable_not_held', '7000007', '7/0/0/0/0/0/7'],
      ['unavailable_needs_creation', '0000000', '0/0/0/0/0/0/0'],
      ['unavailable_unclear', '5000005', '5/0/0/0/0/0/5'],
      ['rejected_petition', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_duplicate', '3000003', '3/0/0/0/0/0/3'],
      ['rejected_publication', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_excessive', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_confirmation', '0000000', '0/0/0/0/0/0/0'],
      ['other', '0 0 0 0 0 00', '0/0/0/0/0/0/0'],
      ['total_processed', '23 0 00 0 023', '23/0/0/0/0/0/23'],
      ['carried_forward', ' 0 0 00 00 0 ', '0/0/0/0/0/0/0'],
    ],
    reviewLitigation: ['000000000000000', '0/0/0/0/0/0/0/0/0/0/0/0/0/0/0'],
    ambiguous: [
      ['art20_1', 'normative_documents', '898989', 10],
      ['art20_5', 'licensing', '3960181', 11],
      ['art20_5', 'other_services', '100153', 4],
      ['art20_6', 'penalty', '26480430', 16],
      ['art20_6', 'coercion', '126025', 7],
      ['art20_8', 'fees', '350', 2],
      ['art20_9', 'procurement', '13575394432.52元', 10],
    ],
  },
  '2020': {
    template: '2019',
    applications: [
      ['new_received', '200 000121', '20/0/0/0/0/1/21'],
      ['carried_over', '0000000', '0/0/0/0/0/0/0'],
      ['granted', '6000017', '6/0/0/0/0/1/7'],
      ['partially_granted', '6000006', '6/0/0/0/0/0/6'],
      ['denied_state_secret', '0000000', '0/0/0/0/0/0/0'],
      ['denied_law_prohibited', '0000000', '0/0/0/0/0/0/0'],
      ['denied_security_stability', '0000000', '0/0/0/0/0/0/0'],
      ['denied_third_party', '0000000', '0/0/0/0/0/0/0'],
      ['denied_internal_affairs', '0000000', '0/0/0/0/0/0/0'],
      ['denied_process_info', '0000000', '0/0/0/0/0/0/0'],
      ['denied_enforcement_file', '0000000', '0/0/0/0/0/0/0'],
      ['denied_inquiry', '0000000', '0/0/0/0/0/0/0'],
      ['unavailable_not_held', '4000004', '4/0/0/0/0/0/4'],
      ['unavailable_needs_creation', '0000000', '0/0/0/0/0/0/0'],
      ['unavailable_unclear', '3000003', '3/0/0/0/0/0/3'],
      ['rejected_petition', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_duplicate', '3000003', '3/0/0/0/0/0/3'],
      ['rejected_publication', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_excessive', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_confirmation', '0000000', '0/0/0/0/0/0/0'],
      ['other', '4 0 0 0 0 0 4', '4/0/0/0/0/0/4'],
      ['total_processed', '20 0 00 0 121', '20/0/0/0/0/1/21'],
      ['carried_forward', ' 0 0 00 00 0 ', '0/0/0/0/0/0/0'],
    ],
    reviewLitigation: ['000000000000000', '0/0/0/0/0/0/0/0/0/0/0/0/0/0/0'],
    ambiguous: [
      ['art20_1', 'normative_documents', '7777166', 15],
      ['art20_5', 'licensing', '396442278', 28],
      ['art20_5', 'other_services', '107105', 5],
      ['art20_6', 'penalty', '2648-18538', 4],
      ['art20_6', 'coercion', '1262629', 15],
      ['art20_9', 'procurement', '39573802895.90元', 9],
    ],
  },
  '2021': {
    template: '2021',
    applications: [
      ['new_received', '640020470', '64/0/0/2/0/4/70'],
      ['carried_over', '0000000', '0/0/0/0/0/0/0'],
      ['granted', '270020130', '27/0/0/2/0/1/30'],
      ['partially_granted', '500000 5', '5/0/0/0/0/0/5'],
      ['denied_state_secret', '0000000', '0/0/0/0/0/0/0'],
      ['denied_law_prohibited', '0000000', '0/0/0/0/0/0/0'],
      ['denied_security_stability', '0000000', '0/0/0/0/0/0/0'],
      ['denied_third_party', '0000000', '0/0/0/0/0/0/0'],
      ['denied_internal_affairs', '1000001', '1/0/0/0/0/0/1'],
      ['denied_process_info', '0000000', '0/0/0/0/0/0/0'],
      ['denied_enforcement_file', '6000006', '6/0/0/0/0/0/6'],
      ['denied_inquiry', '1000001', '1/0/0/0/0/0/1'],
      ['unavailable_not_held', '220000325', '22/0/0/0/0/3/25'],
      ['unavailable_needs_creation', '0000000', '0/0/0/0/0/0/0'],
      ['unavailable_unclear', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_petition', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_duplicate', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_publication', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_excessive', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_confirmation', '0000000', '0/0/0/0/0/0/0'],
      ['other_no_correction', '0000000', '0/0/0/0/0/0/0'],
      ['other_no_fee', '0000000', '0/0/0/0/0/0/0'],
      ['other_other', '1000001', '1/0/0/0/0/0/1'],
      ['total_processed', '630020469', '63/0/0/2/0/4/69'],
      ['carried_forward', '1000001 ', '1/0/0/0/0/0/1'],
    ],
    reviewLitigation: ['10203120001200000', '1/0/2/0/3/12/0/0/0/12/0/0/0/0/0'],
    ambiguous: [['art20_1', 'normative_documents', '693665', 10]],
  },
  '2025': {
    template: '2021',
    applications: [
      ['new_received', '15130000154', '151/3/0/0/0/0/154'],
      ['carried_over', '0000000', '0/0/0/0/0/0/0'],
      ['granted', '330000033', '33/0/0/0/0/0/33'],
      ['partially_granted', '380000038', '38/0/0/0/0/0/38'],
      ['denied_state_secret', '0000000', '0/0/0/0/0/0/0'],
      ['denied_law_prohibited', '0000000', '0/0/0/0/0/0/0'],
      ['denied_security_stability', '0000000', '0/0/0/0/0/0/0'],
      ['denied_third_party', '0000000', '0/0/0/0/0/0/0'],
      ['denied_internal_affairs', '3000003', '3/0/0/0/0/0/3'],
      ['denied_process_info', '2000002', '2/0/0/0/0/0/2'],
      ['denied_enforcement_file', '3000003', '3/0/0/0/0/0/3'],
      ['denied_inquiry', '3000003', '3/0/0/0/0/0/3'],
      ['unavailable_not_held', '491000050', '49/1/0/0/0/0/50'],
      ['unavailable_needs_creation', '3000003', '3/0/0/0/0/0/3'],
      ['unavailable_unclear', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_petition', '2000002', '2/0/0/0/0/0/2'],
      ['rejected_duplicate', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_publication', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_excessive', '0000000', '0/0/0/0/0/0/0'],
      ['rejected_confirmation', '0000000', '0/0/0/0/0/0/0'],
      ['other_no_correction', ' 8000008', '8/0/0/0/0/0/8'],
      ['other_no_fee', ' 2000002', '2/0/0/0/0/0/2'],
      ['other_other', '1000001', '1/0/0/0/0/0/1'],
      ['total_processed', '14710000148', '147/1/0/0/0/0/148'],
      ['carried_forward', '4200006', '4/2/0/0/0/0/6'],
    ],
    reviewLitigation: ['25380363300630003', '25/3/8/0/36/3/3/0/0/6/3/0/0/0/3'],
    ambiguous: [['art20_1', 'normative_documents', '5845546', 15]],
  },
};

/** 表三's rows as a report prints them: a group's label in front of its first sub-item. */
function printedLabel(version: Version, key: string): string {
  const rows = APPLICATION_ROWS[version];
  const def = rows.find((d) => d.key === key)!;
  const first = def.group && rows.find((d) => d.group === def.group) === def;
  return first ? `${OUTCOME_GROUP_LABELS.find((g) => g.group === def.group)!.label}${def.label}` : def.label;
}

const values = (row: Record<string, { raw: string }> | undefined, keys: string[]) =>
  row ? keys.map((k) => row[k]?.raw).join('/') : undefined;

describe('run-together 表三 rows of the pingtan crawler texts', () => {
  for (const [year, data] of Object.entries(PINGTAN)) {
    it(`${year}: every row splits one way (by its total, then by the column identities)`, () => {
      const table = textTable(data.applications.map(([key, raw]) => [printedLabel(data.template, key), raw]));
      const diagnostics: Diagnostic[] = [];
      const out = structureApplications(viewOf(table), Number(year), diagnostics);
      expect(out.version).toBe(data.template);
      expect(out.uncertain).toEqual([]);
      const cols = APPLICATION_COLUMNS.map((c) => c.key);
      for (const [key, , expected] of data.applications)
        expect([key, values(out.rows[key], cols)]).toEqual([key, expected]);
      expect(Object.values(out.labels).every((l) => l.matchesTemplate)).toBe(true);
    });
  }

  it('leaves a row uncertain when the identities cannot decide, and never guesses', () => {
    const data = PINGTAN['2021']!;
    // without （七）总计 and 四 the column identities cannot be evaluated
    const rows = data.applications.filter(([key]) => !['total_processed', 'carried_forward'].includes(key));
    const out = structureApplications(
      viewOf(textTable(rows.map(([key, raw]) => [printedLabel('2021', key), raw]))),
      2021,
      [],
    );
    expect(out.uncertain.map((u) => u.row).sort()).toEqual(['granted', 'unavailable_not_held']);
    expect(out.uncertain[0]!.reason).toContain('2 种拆分');
    expect(out.rows.granted).toBeUndefined();
    expect(out.rows.new_received!.total!.value).toBe(70);
  });

  it('leaves a row uncertain when no split satisfies its total', () => {
    const out = structureApplications(viewOf(textTable([['一、本年新收政府信息公开申请数量', '1000002']])), 2021, []);
    expect(out.uncertain.map((u) => [u.row, u.reason])).toEqual([
      ['new_received', '该行数字连写为「1000002」，没有一种拆分使总计等于各申请人之和，无法确定各数值'],
    ]);
  });

  it('still reads rows whose seven values are separate cells', () => {
    const out = structureApplications(
      viewOf(textTable([['一、本年新收政府信息公开申请数量', '12', '0', '0', '0', '0', '1', '13']])),
      2021,
      [],
    );
    expect(out.rows.new_received!.total!.value).toBe(13);
  });
});

describe('run-together 表四', () => {
  const header = `${REVIEW_GROUPS.map((g) => g.label).join('')}${REVIEW_COLUMNS.map((c) => c.label).join('')}`;
  for (const [year, data] of Object.entries(PINGTAN)) {
    it(`${year}: the one run of all three groups splits by each group's total`, () => {
      const out = structureReviewLitigation(viewOf(textTable([[header, data.reviewLitigation[0]]])), []);
      expect(out.uncertain).toEqual([]);
      const cols = REVIEW_COLUMNS.map((c) => c.key);
      expect(REVIEW_GROUPS.map((g) => values(out.groups[g.key], cols)).join('/')).toBe(data.reviewLitigation[1]);
    });
  }

  it('splits a run without any label, and one group per row', () => {
    const lone = structureReviewLitigation(viewOf(textTable([['25380363300630003']])), []);
    expect(lone.groups.review!.total!.value).toBe(36);
    const rows = structureReviewLitigation(
      viewOf(
        textTable([
          ['行政复议', '25380 36'],
          ['行政诉讼（未经复议直接起诉）', '33006'],
          ['行政诉讼（复议后起诉）', '30003'],
        ]),
      ),
      [],
    );
    expect(rows.groups.litigation_direct!.total!.value).toBe(6);
    expect(rows.uncertain).toEqual([]);
  });

  it('calls the table uncertain when the totals admit no split', () => {
    const out = structureReviewLitigation(viewOf(textTable([[header, '111111111111111']])), []);
    expect(out.groups).toEqual({});
    expect(out.uncertain[0]!.reason).toContain('没有一种拆分');
  });
});

describe('run-together 表二 rows', () => {
  it('counts every valid split of the ambiguous rows, as verified by hand', () => {
    for (const data of Object.values(PINGTAN)) {
      for (const [subKey, rowKey, raw, count] of data.ambiguous) {
        const sub = ACTIVE_DISCLOSURE[data.template].find((s) => s.key === subKey)!;
        expect([
          rowKey,
          splitRun(
            raw,
            sub.cols.map((c) => c.kind),
          )?.length,
        ]).toEqual([rowKey, count]);
      }
    }
  });

  it('reads rows that split one way and leaves the others uncertain (表二 has no identity)', () => {
    const table = textTable([
      ['第二十条第（一）项'],
      ['信息内容本年制发件数本年废止件数现行有效件数'],
      ['规章', '000'],
      ['行政规范性文件', '693665'],
      ['第二十条第（五）项'],
      ['信息内容本年处理决定数量'],
      ['行政许可', '2293'],
      ['第二十条第（六）项'],
      ['信息内容 本年处理决定数量'],
      ['行政处罚1282'],
      ['行政强制', '42'],
      ['第二十条第（八）项'],
      ['信息内容 本年收费金额（单位：万元）'],
      ['行政事业性收费', '24252.311082'],
    ]);
    const out = structureActiveDisclosure(viewOf(table), 2021, []);
    expect(out.version).toBe('2021');
    expect(out.subtables.art20_1!.regulations).toMatchObject({ issued: { value: 0 }, in_force: { value: 0 } });
    expect(out.subtables.art20_1!.normative_documents).toBeUndefined();
    expect(out.uncertain.map((u) => [u.row, u.location])).toEqual([
      ['art20_1/normative_documents', '表二/第二十条第（一）项/行政规范性文件'],
    ]);
    expect(out.uncertain[0]!.reason).toContain('10 种');
    expect(out.subtables.art20_5!.licensing!.decisions!.value).toBe(2293);
    expect(out.subtables.art20_6!.penalty!.decisions!.value).toBe(1282);
    expect(out.subtables.art20_8!.fees!.amount!.value).toBe(24252.311082);
  });

  it('a minus sign can only open the signed column: 收费 35-15 splits one way', () => {
    const table = textTable([
      ['第二十条第（八）项'],
      ['信息内容 上一年项目数量 本年增/减'],
      ['行政事业性收费', '35-15'],
    ]);
    const out = structureActiveDisclosure(viewOf(table), 2020, []);
    expect(out.version).toBe('2019');
    expect(out.subtables.art20_8!.fees).toMatchObject({ previous_year: { value: 35 }, change: { value: -15 } });
  });
});
