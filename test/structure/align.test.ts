import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/ir.js';
import { APPLICATION_ROWS, OUTCOME_GROUP_LABELS, type LabelDef } from '../../src/model/templates.js';
import { alignRows, sameWording } from '../../src/structure/align.js';
import { structureActiveDisclosure } from '../../src/structure/active-disclosure.js';
import { structureApplications } from '../../src/structure/applications.js';
import { viewOf } from '../../src/structure/grid-view.js';
import { textTable } from './text-table.js';

const ROWS = APPLICATION_ROWS['2021'];
const SEVEN = ['1', '0', '0', '0', '0', '0', '1'];
const groupLabel = (def: LabelDef) => OUTCOME_GROUP_LABELS.find((g) => g.group === def.group)?.label ?? '';

/** 表三 as a report prints it, one row a line: [group label, own label, seven values]; `edit` changes labels. */
function printed(edit: (label: string, key: string) => string | null = (l) => l, defs = ROWS) {
  return defs.flatMap((d) => {
    const label = edit(d.label, d.key);
    return label === null ? [] : [[d.group ? groupLabel(d) : '', label, ...SEVEN]];
  });
}

function read(rows: string[][], year = 2023) {
  const diagnostics: Diagnostic[] = [];
  const out = structureApplications(viewOf(textTable(rows)), year, diagnostics);
  return { ...out, diagnostics };
}

const mislabeled = (out: ReturnType<typeof read>) =>
  Object.entries(out.labels)
    .filter(([, l]) => !l.matchesTemplate)
    .map(([key, l]) => [key, l.printed]);

describe('表三 rows aligned with the template', () => {
  it('the template itself: every row placed, none mislabeled', () => {
    const out = read(printed());
    expect(Object.keys(out.rows)).toEqual(ROWS.map((d) => d.key));
    expect(mislabeled(out)).toEqual([]);
  });

  it('a typo that breaks every key phrase (2.其他法律行政止公开) is read in its place and recorded', () => {
    const out = read(printed((l, k) => (k === 'denied_law_prohibited' ? '2.其他法律行政止公开' : l)));
    expect(Object.keys(out.rows)).toEqual(ROWS.map((d) => d.key));
    expect(mislabeled(out)).toEqual([['denied_law_prohibited', '2.其他法律行政止公开']]);
  });

  it('a dropped character and two swapped characters', () => {
    const out = read(
      printed((l, k) =>
        k === 'rejected_excessive'
          ? '4.无正当理由大量反申请'
          : k === 'rejected_publication'
            ? '3.要求提供公开版出物'
            : l,
      ),
    );
    expect(Object.keys(out.rows)).toEqual(ROWS.map((d) => d.key));
    expect(mislabeled(out).map(([k]) => k)).toEqual(['rejected_publication', 'rejected_excessive']);
  });

  it('a label cut short by its cell (truncation) is still its row', () => {
    const out = read(printed((l, k) => (k === 'rejected_confirmation' ? '5.要求行政机关确认或重' : l)));
    expect(out.rows.rejected_confirmation).toBeDefined();
    expect(mislabeled(out)).toEqual([['rejected_confirmation', '5.要求行政机关确认或重']]);
  });

  it('a dropped row is the only one missing; its neighbours keep their places', () => {
    const out = read(printed((l, k) => (k === 'denied_third_party' ? null : l)));
    expect(ROWS.filter((d) => !out.rows[d.key]).map((d) => d.key)).toEqual(['denied_third_party']);
  });

  it('a duplicated row keeps its first copy and says so', () => {
    const rows = printed();
    const at = rows.findIndex((r) => r[1] === '2.重复申请');
    rows.splice(at + 1, 0, ['', '2.重复申请', '9', '0', '0', '0', '0', '0', '9']);
    const out = read(rows);
    expect(out.rows.rejected_duplicate!.total!.value).toBe(1);
    expect(out.rows.rejected_publication!.total!.value).toBe(1);
    expect(out.diagnostics.map((d) => d.code)).toContain('structure/duplicate-row');
  });

  it('labels without numbering, and group labels merged into the first sub-item, are the template wording', () => {
    const rows = printed((l) => l.replace(/^[（(]?[一二三四五六七八九十\d]+[）)]?[、.]?/, '')).map((r) =>
      r[0] ? ['', `${r[0]}${r[1]}`, ...r.slice(2)] : r,
    );
    const out = read(rows);
    expect(Object.keys(out.rows)).toEqual(ROWS.map((d) => d.key));
    expect(mislabeled(out)).toEqual([]);
  });

  it('a Traditional-script, half-width copy with the note left off is no deviation', () => {
    const out = read([
      ['', '一、本年新收政府信息公開申請數量', ...SEVEN],
      ['', '(二)部分公开', ...SEVEN],
    ]);
    expect(Object.keys(out.rows)).toEqual(['new_received', 'partially_granted']);
    expect(mislabeled(out)).toEqual([]);
  });

  it('the 2019 one-row （六）其他处理 inside an otherwise 2021 table reads as the 2019 表三, every row read', () => {
    const rows2019 = APPLICATION_ROWS['2019'];
    const out = read(printed((l) => l, rows2019).map((r) => (r[1] === '（六）其他处理' ? ['', ...r.slice(1)] : r)));
    expect(out.version).toBe('2019');
    expect(Object.keys(out.rows)).toEqual(rows2019.map((d) => d.key));
  });

  it('a cut table with no （六） rows takes the rows of the report year', () => {
    const cut = printed().slice(0, 2);
    expect(read(cut, 2023).version).toBe('2021');
    expect(read(cut, 2020).version).toBe('2019');
    expect(read(cut, 2023).diagnostics.map((d) => d.code)).toContain('structure/template-guessed');
  });
});

describe('alignRows', () => {
  it('places by order where two template rows are equally like a label', () => {
    // 「上年结砖」 names no row by a key phrase; it resembles 二 more than 一, and it follows 一
    const out = alignRows(ROWS, [
      { text: '一、本年新收政府信息公开申请数量' },
      { text: '二、上年结砖政府信息公开申请数量' },
    ]);
    expect(out.map((d) => d?.key)).toEqual(['new_received', 'carried_over']);
  });

  it('takes a row named by a key phrase even out of order, when nothing else took its place', () => {
    const out = alignRows(ROWS, [{ text: '（二）部分公开' }, { text: '（一）予以公开' }]);
    expect(out.map((d) => d?.key)).toEqual(['partially_granted', 'granted']);
  });

  it('never places a label that resembles nothing', () => {
    expect(alignRows(ROWS, [{ text: '联系电话' }, { text: '总计' }]).map((d) => d?.key)).toEqual([
      undefined,
      'total_processed',
    ]);
  });

  it('sameWording ignores numbering, punctuation and width, not words', () => {
    const def = ROWS.find((d) => d.key === 'denied_law_prohibited')!;
    expect(sameWording(def, '（2）其他法律、行政法规禁止公开')).toBe(true);
    expect(sameWording(def, '2.其他法律行政止公开')).toBe(false);
  });
});

describe('表二 rows aligned with the template', () => {
  it('a misspelt row stands in its place under its caption', () => {
    const out = structureActiveDisclosure(
      viewOf(
        textTable([['第二十条第（六）项'], ['信息内容', '本年处理决定数量'], ['行政处法', '5'], ['行政强制', '2']]),
      ),
      2023,
      [],
    );
    expect(out.subtables.art20_6!.penalty!.decisions!.value).toBe(5);
    expect(out.labels['art20_6/penalty']).toEqual({ printed: '行政处法', matchesTemplate: false });
    expect(out.labels['art20_6/coercion']!.matchesTemplate).toBe(true);
  });
});
