import type { Diagnostic, IRCell } from '../model/ir.js';
import type { ActiveDisclosureTable, CellRow, UncertainPlace } from '../model/report.js';
import {
  ACTIVE_DISCLOSURE,
  TEMPLATE_MARKERS,
  type ColumnDef,
  type SubtableDef,
  type Version,
} from '../model/templates.js';
import { ownCells, rowCells, splitTrailingValues, type GridView } from './grid-view.js';
import { containsAny, matchLabel, normalizeLabel } from './labels.js';
import { parseCell } from '../model/cell.js';
import { place } from '../model/places.js';
import { uncertainCells } from './uncertain-cells.js';

const NAME = place.table('activeDisclosure');
const CAPTION = /第二十一?条第?([一二三四五六七八九十]+)项/;

export interface StructuredActiveDisclosure {
  subtables: ActiveDisclosureTable;
  version: Version;
  uncertain: UncertainPlace[];
}

/** Which format's 表二 this is, from the labels only that format prints. */
export function activeDisclosureVersion(text: string, year: number | null): { version: Version; sure: boolean } {
  const has2021 = containsAny(text, TEMPLATE_MARKERS['2021']);
  const has2019 = containsAny(text, TEMPLATE_MARKERS['2019']);
  if (has2021 !== has2019) return { version: has2021 ? '2021' : '2019', sure: true };
  return { version: year !== null && year >= 2021 ? '2021' : '2019', sure: false };
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

function readRow(view: GridView, r: number, sub: SubtableDef, map: ColumnMap | null, label: IRCell): CellRow {
  const parse = (col: ColumnDef, cell: IRCell | null) =>
    parseCell(cell?.text ?? '', col.kind, cell?.page ?? label.page);
  if (map && view.table.layout === 'grid') {
    return Object.fromEntries(
      sub.cols.flatMap((col) => {
        const cols = map.get(col.key);
        if (!cols) return [];
        const cell = cols.map((c) => view.matrix[r]![c] ?? null).find((x) => x && x.row === r && x !== label) ?? null;
        return [[col.key, parse(col, cell)]];
      }),
    );
  }
  const { values } = splitTrailingValues(rowCells(view, r));
  if (values.length !== sub.cols.length) return {};
  return Object.fromEntries(sub.cols.map((col, i) => [col.key, parse(col, values[i]!)]));
}

/** 表二 → sub-table × row × column; sub-tables are told apart by their row labels, which no two share. */
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
  const out: ActiveDisclosureTable = {};
  const uncertain: UncertainPlace[] = [];
  let current: SubtableDef | null = null;
  let map: ColumnMap | null = null;
  let headerRow: number | null = null;
  for (let r = 0; r < view.table.rows; r++) {
    const cells = ownCells(view, r);
    const first = cells.find((c) => c.text.trim());
    if (!first) continue;
    const caption = CAPTION.exec(normalizeLabel(cells.map((c) => c.text).join('')));
    if (caption && !splitTrailingValues(cells).values.length) {
      current = subs.find((s) => s.item === caption[1]) ?? null;
      if (!current)
        diagnostics.push({ code: 'structure/unknown-subtable', message: `${NAME}中未识别的子表「${first.text}」` });
      [map, headerRow] = [null, null];
      continue;
    }
    const isHeader =
      !splitTrailingValues(cells).values.length &&
      (containsAny(first.text, ['信息内容']) || (current && headerMap(view, r, current)));
    if (isHeader) {
      [headerRow, map] = [r, current ? headerMap(view, r, current) : null];
      continue;
    }
    const match = subs.flatMap((s) =>
      matchLabel(s.rows, first.text) ? [{ sub: s, row: matchLabel(s.rows, first.text)! }] : [],
    );
    if (match.length !== 1) {
      if (splitTrailingValues(cells).values.length)
        diagnostics.push({ code: 'structure/unknown-row', message: `${NAME}中未识别的行：「${first.text}」` });
      continue;
    }
    const { sub, row } = match[0]!;
    if (sub !== current) [current, map] = [sub, headerRow === null ? null : headerMap(view, headerRow, sub)];
    const doubt = uncertainCells(cells.filter((c) => c !== first));
    if (doubt) {
      const location = place.activeRowPath(version, sub.key, row.key);
      uncertain.push({
        table: 'activeDisclosure',
        row: `${sub.key}/${row.key}`,
        location,
        page: first.page,
        reason: doubt,
      });
      continue;
    }
    const values = readRow(view, r, sub, map, first);
    if (out[sub.key]?.[row.key]) {
      diagnostics.push({
        code: 'structure/duplicate-row',
        message: `${place.subtablePath(version, sub.key)}中「${row.label}」出现多次，取第一次`,
      });
      continue;
    }
    (out[sub.key] ??= {})[row.key] = values;
  }
  return { subtables: out, version, uncertain };
}
