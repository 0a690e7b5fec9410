import type { Diagnostic, IRCell } from '../model/ir.js';
import type { PrintedLabel, ReviewLitigationTable, UncertainPlace } from '../model/report.js';
import { place } from '../model/places.js';
import { REVIEW_COLUMNS, REVIEW_GROUPS, REVIEW_ROW_SUM } from '../model/templates.js';
import { MIN_SIMILARITY, sameWording, similarity } from './align.js';
import { digitRun, fillsColumns, splitRun, type SumIdentity } from './digit-runs.js';
import { hasValue, rowCells, splitTrailingValues, trailingRun, type GridView } from './grid-view.js';
import { matchLabel } from './labels.js';
import { looksLikeValue, parseCell } from '../model/cell.js';
import { recognised, uncertainValues } from './uncertain-cells.js';

const NAME = place.table('reviewLitigation');
const WIDTH = REVIEW_GROUPS.length * REVIEW_COLUMNS.length;
const columnIndex = (key: string) => REVIEW_COLUMNS.findIndex((c) => c.key === key);
/** each group's total is the sum of its parts, group by group along a positional row */
const groupSums = (groups: number): SumIdentity[] =>
  [...Array(groups).keys()].map((g) => ({
    parts: REVIEW_ROW_SUM.parts.map((p) => g * REVIEW_COLUMNS.length + columnIndex(p)),
    total: g * REVIEW_COLUMNS.length + columnIndex(REVIEW_ROW_SUM.total),
  }));

export interface StructuredReviewLitigation {
  groups: ReviewLitigationTable;
  uncertain: UncertainPlace[];
  labels: Record<string, PrintedLabel>;
}

const isValueCell = (cell: IRCell) => cell.text.trim() === '' || looksLikeValue(cell.text);

/** The group a context names: the longest key phrase wins (复议后起诉 over 复议), else the one it resembles. */
function groupIn(context: string): string | null {
  const named = matchLabel(REVIEW_GROUPS, context);
  if (named) return named.key;
  const scored = REVIEW_GROUPS.map((g) => ({ g, s: similarity(g, context) })).sort((a, b) => b.s - a.s);
  const [first, second] = scored;
  return first && first.s >= MIN_SIMILARITY && first.s > (second?.s ?? 0) ? first.g.key : null;
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

/** 表四's labels are read with the table: by OCR, their wording is uncertain (recognised). */
function label(out: StructuredReviewLitigation, view: GridView, group: string, texts: string[]): void {
  const printed = texts.join(' ').replace(/\s+/g, ' ').trim();
  const def = REVIEW_GROUPS.find((g) => g.key === group)!;
  if (!printed || out.labels[group]) return;
  out.labels[group] = {
    printed,
    matchesTemplate: sameWording(def, printed),
    ...(recognised(view.table.cells) ? { uncertain: true } : {}),
  };
}

/** Each value cell's group and column from the header cells above it and the label cells left of it. */
function readByHeaders(view: GridView, out: StructuredReviewLitigation, diagnostics: Diagnostic[]): boolean {
  const headerRows: number[] = [];
  for (let r = 0; r < view.table.rows; r++) {
    const cells = rowCells(view, r);
    if (!hasValue(cells)) {
      if (cells.some((c) => !isValueCell(c))) headerRows.push(r);
      if (cells.some((c) => !isValueCell(c)) || !headerRows.length) continue;
    }
    const labels = cells.filter((c) => !isValueCell(c)).map((c) => c.text);
    for (let c = 0; c < view.table.cols; c++) {
      const cell = view.matrix[r]![c];
      if (!cell || cell.row !== r || !isValueCell(cell) || (c > 0 && view.matrix[r]![c - 1] === cell)) continue;
      const above = headerRows.map((h) => view.matrix[h]![c]).filter((x): x is IRCell => !!x);
      const fromAbove = groupIn(above.map((x) => x.text).join(' '));
      const group = fromAbove ?? groupIn(labels.join(' '));
      const col = [...above]
        .reverse()
        .map((x) => matchLabel(REVIEW_COLUMNS, x.text))
        .find(Boolean);
      if (!group || !col) continue;
      const names = fromAbove ? above.filter((x) => !matchLabel(REVIEW_COLUMNS, x.text)).map((x) => x.text) : labels;
      label(out, view, group, [...new Set(names)]);
      if (!put(out.groups, group, col.key, cell, view.table.page))
        diagnostics.push({ code: 'structure/duplicate-cell', message: `${NAME}中 ${group}/${col.key} 出现多次` });
    }
  }
  return Object.keys(out.groups).length > 0;
}

/** Values split from a run of digits, or why they cannot be. */
function splitGroups(run: string, groups: number): string[] | string {
  const splits = splitRun(run, Array(groups * REVIEW_COLUMNS.length).fill('count'), groupSums(groups));
  if (splits?.length === 1) return splits[0]!;
  const head = `数字连写为「${run}」`;
  if (!splits) return `${head}，可能的拆分过多，无法确定各数值`;
  if (!splits.length) return `${head}，没有一种拆分使各栏总计等于维持、纠正、其他、尚未审结之和`;
  return `${head}，有 ${splits.length} 种拆分符合各栏总计，无法确定唯一一种`;
}

const asCell = (text: string, page: number | null): IRCell => ({ row: 0, col: 0, rowSpan: 1, colSpan: 1, text, page });

/** why a table's values could not be placed when no more can be said than how many there are */
const UNPLACED = 'unplaced';

/** Plain-text tables: a 15-value row is in template order; a run of digits is split by the totals. */
function readByPosition(view: GridView, out: StructuredReviewLitigation): string | null {
  const valueRows = [...Array(view.table.rows).keys()]
    .map((r) => rowCells(view, r))
    .filter((cells) => hasValue(cells) || trailingRun(cells));
  const placeAll = (values: IRCell[]) => {
    for (const [gi, g] of REVIEW_GROUPS.entries())
      for (const [ci, col] of REVIEW_COLUMNS.entries())
        put(out.groups, g.key, col.key, values[gi * REVIEW_COLUMNS.length + ci]!, view.table.page);
  };
  if (valueRows.length === 1 && valueRows[0]!.length === WIDTH && valueRows[0]!.every(isValueCell)) {
    placeAll(valueRows[0]!);
    return null;
  }
  for (const cells of valueRows) {
    const { labels, values } = splitTrailingValues(cells);
    const lone = values.length === 1 && !labels.length ? digitRun(values[0]!.text) : null;
    const trailing =
      view.table.layout !== 'text' || values.length > 1
        ? null
        : (trailingRun(cells) ?? (lone ? { labels: [], run: lone, page: values[0]!.page } : null));
    const run = trailing && fillsColumns(trailing.run, REVIEW_COLUMNS.length) ? trailing : null;
    const names = (run?.labels ?? labels).map((l) => l.text);
    const group = groupIn(names.join(' '));
    const named = REVIEW_GROUPS.filter((g) => matchLabel([g], names.join(' ')));
    if (run && valueRows.length === 1 && named.length !== 1) {
      const split = splitGroups(run.run, REVIEW_GROUPS.length);
      if (typeof split === 'string') return `表四${split}`;
      placeAll(split.map((v) => asCell(v, run.page)));
      return null;
    }
    const split = !group
      ? null
      : run
        ? splitGroups(run.run, 1)
        : values.length === REVIEW_COLUMNS.length
          ? values
          : null;
    if (!group || !split) return UNPLACED;
    if (typeof split === 'string') {
      out.uncertain.push(uncertainGroup(group, `该栏${split}`, run?.page ?? view.table.page));
      continue;
    }
    label(out, view, group, names);
    for (const [i, col] of REVIEW_COLUMNS.entries()) {
      const v = split[i]!;
      put(out.groups, group, col.key, typeof v === 'string' ? asCell(v, run!.page) : v, view.table.page);
    }
  }
  return Object.keys(out.groups).length || out.uncertain.length ? null : UNPLACED;
}

function uncertainGroup(group: string, reason: string, page: number | null): UncertainPlace {
  const def = REVIEW_GROUPS.find((g) => g.key === group)!;
  return { table: 'reviewLitigation', row: group, location: place.reviewGroupPath(def.key), page, reason };
}

/** 表四 → group × column. A table whose value cells cannot be placed is uncertain as a whole. */
export function structureReviewLitigation(view: GridView, diagnostics: Diagnostic[]): StructuredReviewLitigation {
  const doubt = uncertainValues(view.table);
  if (doubt)
    return {
      groups: {},
      labels: {},
      uncertain: [{ table: 'reviewLitigation', row: null, location: NAME, page: view.table.page, reason: doubt }],
    };
  const out: StructuredReviewLitigation = { groups: {}, uncertain: [], labels: {} };
  if (view.table.layout === 'grid' && readByHeaders(view, out, diagnostics)) return out;
  const fresh: StructuredReviewLitigation = { groups: {}, uncertain: [], labels: {} };
  const why = readByPosition(view, fresh);
  if (!why) return fresh;
  const found = view.table.cells.filter((c) => c.text.trim() && looksLikeValue(c.text)).length;
  return {
    groups: {},
    labels: {},
    uncertain: [
      {
        table: 'reviewLitigation',
        row: null,
        location: NAME,
        page: view.table.page,
        reason: why === UNPLACED ? `表四找到 ${found} 个数值，无法按表头确定各数值所属的栏目` : why,
      },
    ],
  };
}
