import type { Cell } from './report.js';
import type { ColumnDef } from './templates.js';

export type CellKind = ColumnDef['kind'];

const NOT_APPLICABLE = /^(?:[/／\\_—－\-–~～]+|无|不适用|暂无)$/;
const COUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:件|条|个|项|次|宗|份)?$/;
const SIGNED = /^(增|减|\+|-)?(\d{1,3}(?:,\d{3})+|\d+)$/;
const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元)?$/;

function compact(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u00a0\u2009\u202f\u3000]+/g, '')
    .replace(/^[−–]/, '-');
}

function digits(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** Reads one table cell: the number it states, if it states one of the column's kind, and what it holds. */
export function parseCell(raw: string, kind: CellKind, page: number | null): Cell {
  const text = compact(raw);
  const cell: Cell = { value: null, raw, page, state: 'blank' };
  if (!text) return cell;
  if (NOT_APPLICABLE.test(text)) {
    cell.state = 'not-applicable';
    return cell;
  }
  if (kind === 'count') {
    const m = COUNT.exec(text);
    if (m) cell.value = digits(m[1]!);
  } else if (kind === 'signed') {
    const m = SIGNED.exec(text);
    if (m) cell.value = (m[1] === '减' || m[1] === '-' ? -1 : 1) * digits(m[2]!);
  } else {
    const m = AMOUNT.exec(text);
    if (m) {
      cell.value = Number(m[1]!.replace(/,/g, '') + (m[2] ?? ''));
      if (m[3]) cell.unit = m[3];
    }
  }
  // a digit run too long for a number (「1」 repeated 400 times) is an invalid cell, not Infinity
  if (cell.value !== null && !Number.isFinite(cell.value)) cell.value = null;
  cell.state = cell.value === null ? 'invalid' : 'number';
  return cell;
}

/** Whether a cell's text reads as a table value at all (used where positions are unknown). */
export function looksLikeValue(raw: string): boolean {
  const text = compact(raw);
  return NOT_APPLICABLE.test(text) || SIGNED.test(text) || AMOUNT.test(text) || COUNT.test(text);
}
