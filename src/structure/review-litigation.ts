import type { Diagnostic, IRCell } from '../model/ir.js';
import type { ReviewLitigationTable, UncertainPlace } from '../model/report.js';
import { place } from '../model/places.js';
import { REVIEW_COLUMNS, REVIEW_GROUP_MATCH_ORDER, REVIEW_GROUPS } from '../model/templates.js';
import { hasValue, rowCells, splitTrailingValues, type GridView } from './grid-view.js';
import { matchLabel, normalizeLabel } from './labels.js';
import { looksLikeValue, parseCell } from '../model/cell.js';
import { uncertainValues } from './uncertain-cells.js';

const NAME = place.table('reviewLitigation');
const WIDTH = REVIEW_GROUPS.length * REVIEW_COLUMNS.length;

export interface StructuredReviewLitigation {
  groups: ReviewLitigationTable;
  uncertain: UncertainPlace[];
}

const isValueCell = (cell: IRCell) => cell.text.trim() === '' || looksLikeValue(cell.text);

const MATCH_ORDER = REVIEW_GROUP_MATCH_ORDER.map((key) => REVIEW_GROUPS.find((g) => g.key === key)!);

/** The group a context names, groups tried in the template's match order. */
function groupIn(context: string): string | null {
  const n = normalizeLabel(context);
  return MATCH_ORDER.find((g) => g.phrases.some((p) => n.includes(p)))?.key ?? null;
}

function put(
  out: ReviewLitigationTable,
  group: string,
  col: string,
  cell: IRCell | null,
  page: number | null,
): boolean {
  const row = (out[group] ??= {});
  if (row[col]) return false;
  row[col] = parseCell(cell?.text ?? '', 'count', cell?.page ?? page);
  return true;
}

/** Each value cell's group and column from the header cells above it and the label cells left of it. */
function readByHeaders(view: GridView, diagnostics: Diagnostic[]): ReviewLitigationTable | null {
  const out: ReviewLitigationTable = {};
  const headerRows: number[] = [];
  for (let r = 0; r < view.table.rows; r++) {
    const cells = rowCells(view, r);
    if (!hasValue(cells)) {
      if (cells.some((c) => !isValueCell(c))) headerRows.push(r);
      if (cells.some((c) => !isValueCell(c)) || !headerRows.length) continue;
    }
    const labels = cells
      .filter((c) => !isValueCell(c))
      .map((c) => c.text)
      .join(' ');
    for (let c = 0; c < view.table.cols; c++) {
      const cell = view.matrix[r]![c];
      if (!cell || cell.row !== r || !isValueCell(cell) || (c > 0 && view.matrix[r]![c - 1] === cell)) continue;
      const above = headerRows.map((h) => view.matrix[h]![c]).filter((x): x is IRCell => !!x);
      const group = groupIn(above.map((x) => x.text).join(' ')) ?? groupIn(labels);
      const col = [...above]
        .reverse()
        .map((x) => matchLabel(REVIEW_COLUMNS, x.text))
        .find(Boolean);
      if (!group || !col) continue;
      if (!put(out, group, col.key, cell, view.table.page))
        diagnostics.push({ code: 'structure/duplicate-cell', message: `${NAME}中 ${group}/${col.key} 出现多次` });
    }
  }
  return Object.keys(out).length ? out : null;
}

/** Plain-text tables: a 15-cell value row is in template order; anything else cannot be placed. */
function readByPosition(view: GridView): ReviewLitigationTable | null {
  const valueRows = [...Array(view.table.rows).keys()].map((r) => rowCells(view, r)).filter((cells) => hasValue(cells));
  if (valueRows.length === 1 && valueRows[0]!.length === WIDTH && valueRows[0]!.every(isValueCell)) {
    const out: ReviewLitigationTable = {};
    for (const [gi, g] of REVIEW_GROUPS.entries()) {
      for (const [ci, col] of REVIEW_COLUMNS.entries()) {
        put(out, g.key, col.key, valueRows[0]![gi * REVIEW_COLUMNS.length + ci]!, view.table.page);
      }
    }
    return out;
  }
  const out: ReviewLitigationTable = {};
  for (const cells of valueRows) {
    const { labels, values } = splitTrailingValues(cells);
    const group = groupIn(labels.map((l) => l.text).join(' '));
    if (!group || values.length !== REVIEW_COLUMNS.length) return null;
    for (const [i, col] of REVIEW_COLUMNS.entries()) put(out, group, col.key, values[i]!, view.table.page);
  }
  return Object.keys(out).length ? out : null;
}

/** 表四 → group × column. A table whose value cells cannot be placed is uncertain as a whole. */
export function structureReviewLitigation(view: GridView, diagnostics: Diagnostic[]): StructuredReviewLitigation {
  const doubt = uncertainValues(view.table);
  if (doubt)
    return {
      groups: {},
      uncertain: [{ table: 'reviewLitigation', row: null, location: NAME, page: view.table.page, reason: doubt }],
    };
  const groups =
    view.table.layout === 'grid' ? (readByHeaders(view, diagnostics) ?? readByPosition(view)) : readByPosition(view);
  if (groups) return { groups, uncertain: [] };
  const found = view.table.cells.filter((c) => c.text.trim() && looksLikeValue(c.text)).length;
  return {
    groups: {},
    uncertain: [
      {
        table: 'reviewLitigation',
        row: null,
        location: NAME,
        page: view.table.page,
        reason: `表四找到 ${found} 个数值，无法按表头确定各数值所属的栏目`,
      },
    ],
  };
}
