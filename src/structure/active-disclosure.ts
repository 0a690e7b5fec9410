import type { Diagnostic, IRCell } from '../model/ir.js';
import type { ActiveDisclosureTable, CellRow, PrintedLabel, UncertainPlace } from '../model/report.js';
import {
  ACTIVE_DISCLOSURE,
  TEMPLATE_MARKERS,
  templateForYear,
  type ColumnDef,
  type LabelDef,
  type SubtableDef,
  type Version,
} from '../model/templates.js';
import { alignRows, sameWording } from './align.js';
import { fillsColumns, splitRun } from './digit-runs.js';
import { ownCells, rowCells, splitTrailingValues, trailingRun, type GridView } from './grid-view.js';
import { containsAny, matchLabel, normalizeLabel } from './labels.js';
import { parseCell } from '../model/cell.js';
import { place } from '../model/places.js';
import { recognised, uncertainCells } from './uncertain-cells.js';

const NAME = place.table('activeDisclosure');
const CAPTION = /第二十一?条第?([一二三四五六七八九十]+)项/;

export interface StructuredActiveDisclosure {
  subtables: ActiveDisclosureTable;
  version: Version;
  uncertain: UncertainPlace[];
  /** keyed `sub/row` */
  labels: Record<string, PrintedLabel>;
}

/** Which format's 表二 this is, from the labels only that format prints. */
export function activeDisclosureVersion(text: string, year: number | null): { version: Version; sure: boolean } {
  const has2021 = containsAny(text, TEMPLATE_MARKERS['2021']);
  const has2019 = containsAny(text, TEMPLATE_MARKERS['2019']);
  if (has2021 !== has2019) return { version: has2021 ? '2021' : '2019', sure: true };
  return { version: templateForYear(year), sure: false };
}

type ColumnMap = Map<string, number[]>;

function headerMap(view: GridView, r: number, sub: SubtableDef): ColumnMap | null {
  const map: ColumnMap = new Map();
  for (let c = 0; c < view.table.cols; c++) {
    const cell = view.matrix[r]![c];
    const def = cell && matchLabel(sub.cols, cell.text);
    if (def) map.set(def.key, [...(map.get(def.key) ?? []), c]);
  }
  return map.size ? map : null;
}

/** A template row of one sub-table, as the alignment sees it. */
interface RowDef extends LabelDef {
  sub: SubtableDef;
  row: LabelDef;
}

/** A data row of the table: its label cell, the caption above it and the header row it reads its columns from. */
interface Line {
  r: number;
  label: IRCell;
  caption: SubtableDef | null;
  headerRow: number | null;
}

type Values = { cells: CellRow } | { uncertain: string };

function readRow(view: GridView, line: Line, def: RowDef): Values {
  const { sub } = def;
  const parse = (col: ColumnDef, raw: string, page: number | null) => parseCell(raw, col.kind, page ?? line.label.page);
  const map = line.headerRow === null ? null : headerMap(view, line.headerRow, sub);
  if (map && view.table.layout === 'grid') {
    const cells = sub.cols.flatMap((col) => {
      const cols = map.get(col.key);
      if (!cols) return [];
      const cell =
        cols.map((c) => view.matrix[line.r]![c] ?? null).find((x) => x && x.row === line.r && x !== line.label) ?? null;
      return [[col.key, parse(col, cell?.text ?? '', cell?.page ?? null)]];
    });
    return { cells: Object.fromEntries(cells) };
  }
  const cells = rowCells(view, line.r);
  const { values } = splitTrailingValues(cells);
  if (values.length === sub.cols.length)
    return {
      cells: Object.fromEntries(sub.cols.map((col, i) => [col.key, parse(col, values[i]!.text, values[i]!.page)])),
    };
  const trailing = view.table.layout === 'text' && values.length <= 1 ? trailingRun(cells) : null;
  const run = trailing && fillsColumns(trailing.run, sub.cols.length) ? trailing : null;
  if (!run && !values.length) return { cells: {} };
  if (!run)
    return { uncertain: `该行找到 ${values.length} 个数值，应为 ${sub.cols.length} 个，无法确定各数值所属的列` };
  const splits = splitRun(
    run.run,
    sub.cols.map((c) => c.kind),
  );
  if (splits?.length === 1)
    return { cells: Object.fromEntries(sub.cols.map((col, i) => [col.key, parse(col, splits[0]![i]!, run.page)])) };
  const head = `该行数字连写为「${run.run}」`;
  if (!splits) return { uncertain: `${head}，可能的拆分过多，无法确定各数值` };
  if (!splits.length) return { uncertain: `${head}，无法拆分为 ${sub.cols.length} 个数值` };
  return { uncertain: `${head}，可拆分为 ${splits.length} 种不同的数值，本表没有勾稽关系可确定唯一一种` };
}

/** The label a text row prints before its numbers (a run of digits may be printed against it). */
function labelCell(view: GridView, cells: IRCell[]): IRCell | undefined {
  const run = view.table.layout === 'text' ? trailingRun(cells) : null;
  return (run?.labels ?? cells).find((c) => c.text.trim());
}

/** Captions, header rows and data rows, in order. */
function readLines(view: GridView, subs: SubtableDef[], diagnostics: Diagnostic[]): Line[] {
  const lines: Line[] = [];
  let caption: SubtableDef | null = null;
  let headerRow: number | null = null;
  for (let r = 0; r < view.table.rows; r++) {
    const cells = ownCells(view, r);
    const first = cells.find((c) => c.text.trim());
    if (!first) continue;
    const bare = !splitTrailingValues(cells).values.length;
    const named = CAPTION.exec(normalizeLabel(cells.map((c) => c.text).join('')));
    if (named && bare) {
      caption = subs.find((s) => s.item === named[1]) ?? null;
      if (!caption)
        diagnostics.push({ code: 'structure/unknown-subtable', message: `${NAME}中未识别的子表「${first.text}」` });
      headerRow = null;
      continue;
    }
    if (bare && (containsAny(first.text, ['信息内容']) || subs.some((s) => headerMap(view, r, s)))) {
      headerRow = r;
      continue;
    }
    lines.push({ r, label: labelCell(view, cells) ?? first, caption, headerRow });
  }
  return lines;
}

/** 表二 → sub-table × row × column; rows are aligned with the template's rows of every sub-table, in order. */
export function structureActiveDisclosure(
  view: GridView,
  year: number | null,
  diagnostics: Diagnostic[],
): StructuredActiveDisclosure {
  const { version, sure } = activeDisclosureVersion(view.table.cells.map((c) => c.text).join(' '), year);
  if (!sure)
    diagnostics.push({
      code: 'structure/template-guessed',
      message: `${NAME}的栏目无法判断格式，按年份推定为${version}年版`,
    });
  const subs = ACTIVE_DISCLOSURE[version];
  const defs: RowDef[] = subs.flatMap((sub) =>
    sub.rows.map((row) => ({ ...row, key: `${sub.key}/${row.key}`, sub, row })),
  );
  const lines = readLines(view, subs, diagnostics);
  const aligned = alignRows(
    defs,
    lines.map((l) => ({ text: l.label.text, admits: (d: RowDef) => !l.caption || d.sub === l.caption })),
  );
  const out: StructuredActiveDisclosure = { subtables: {}, version, uncertain: [], labels: {} };
  const seen = new Set<string>();
  for (const [i, line] of lines.entries()) {
    const def = aligned[i];
    const hasValues =
      splitTrailingValues(rowCells(view, line.r)).values.length > 0 || !!trailingRun(rowCells(view, line.r));
    if (!def) {
      if (hasValues) diagnostics.push(unplaced(defs, line, seen));
      continue;
    }
    seen.add(def.key);
    out.labels[def.key] = {
      printed: line.label.text.replace(/\s+/g, ' ').trim(),
      matchesTemplate: sameWording(def.row, line.label.text),
      ...(recognised([line.label]) ? { uncertain: true } : {}),
    };
    const doubt = uncertainCells(ownCells(view, line.r).filter((c) => c !== line.label));
    const values: Values = doubt ? { uncertain: doubt } : readRow(view, line, def);
    if ('cells' in values) (out.subtables[def.sub.key] ??= {})[def.row.key] = values.cells;
    else {
      out.subtables[def.sub.key] ??= {};
      out.uncertain.push({
        table: 'activeDisclosure',
        row: def.key,
        location: place.activeRowPath(version, def.sub.key, def.row.key),
        page: line.label.page,
        reason: values.uncertain,
      });
    }
  }
  return out;
}

function unplaced(defs: RowDef[], line: Line, seen: Set<string>): Diagnostic {
  const named = matchLabel(defs, line.label.text);
  if (named && seen.has(named.key))
    return {
      code: 'structure/duplicate-row',
      message: `${NAME}「${named.sub.caption}」中「${named.row.label}」出现多次，取第一次`,
    };
  return { code: 'structure/unknown-row', message: `${NAME}中未识别的行：「${line.label.text}」` };
}
