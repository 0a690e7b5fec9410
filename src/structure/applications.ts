import type { Diagnostic, IRCell } from '../model/ir.js';
import type { ApplicationsTable, UncertainPlace } from '../model/report.js';
import {
  APPLICATION_COLUMNS,
  APPLICATION_HEADER_WORDS,
  APPLICATION_ROWS,
  OUTCOME_GROUP_LABELS,
  type LabelDef,
  type OutcomeGroup,
  type Version,
} from '../model/templates.js';
import { hasValue, rowCells, splitTrailingValues, type GridView } from './grid-view.js';
import { matchLabel, normalizeLabel } from './labels.js';
import { parseCell } from '../model/cell.js';
import { place } from '../model/places.js';
import { uncertainCells } from './uncertain-cells.js';

const NAME = place.table('applications');
const ALL_ROWS: LabelDef[] = [...APPLICATION_ROWS['2021'], APPLICATION_ROWS['2019'].find((r) => r.key === 'other')!];

export interface StructuredApplications {
  rows: ApplicationsTable;
  version: Version;
  uncertain: UncertainPlace[];
}

/** Which format's 表三 this is: only （六）其他处理 differs. */
export function applicationsVersion(text: string, year: number | null): { version: Version; sure: boolean } {
  const n = normalizeLabel(text);
  const names = (version: Version) =>
    APPLICATION_ROWS[version].filter((r) => r.key.startsWith('other')).flatMap((r) => r.phrases);
  if (names('2021').some((p) => n.includes(p))) return { version: '2021', sure: true };
  if (names('2019').some((p) => n.includes(p))) return { version: '2019', sure: true };
  return { version: year !== null && year >= 2021 ? '2021' : '2019', sure: false };
}

/** The outcome group a label names, and what the label says after it: 「（六）其他处理3.其他」 → other, 「3其他」. */
function groupLabel(text: string): { group: OutcomeGroup; rest: string } | null {
  const n = normalizeLabel(text);
  for (const g of OUTCOME_GROUP_LABELS) {
    if (g.group === 'results') continue;
    const phrase = g.phrases.find((p) => n.includes(p));
    if (phrase) return { group: g.group, rest: n.slice(n.indexOf(phrase) + phrase.length) };
  }
  return null;
}

function groupOf(cells: IRCell[]): OutcomeGroup | null {
  return cells.map((c) => groupLabel(c.text)?.group).find((g) => g !== undefined) ?? null;
}

function matchRow(defs: LabelDef[], own: IRCell, group: OutcomeGroup | null): LabelDef | null {
  const prefixed = groupLabel(own.text);
  const [text, context] = prefixed?.rest ? [prefixed.rest, prefixed.group] : [own.text, group];
  return matchLabel(defs, text, (def) => !def.group || !def.exact || def.group === context);
}

/** Column index → column key, read from the header rows above the first data row. */
function headerColumns(view: GridView): Map<number, string> | null {
  const columns = new Map<number, string>();
  for (let r = 0; r < view.table.rows; r++) {
    const cells = rowCells(view, r);
    if (hasValue(cells)) break;
    if (!cells.some((c) => APPLICATION_HEADER_WORDS.some((w) => normalizeLabel(c.text).includes(w)))) continue;
    for (let c = 0; c < view.table.cols; c++) {
      const cell = view.matrix[r]![c];
      const def = cell && matchLabel(APPLICATION_COLUMNS, cell.text);
      if (def) columns.set(c, def.key);
    }
  }
  const keys = new Set(columns.values());
  return keys.size === APPLICATION_COLUMNS.length && columns.size === keys.size ? columns : null;
}

interface RowRead {
  labels: IRCell[];
  values: (IRCell | null)[] | null;
  found: number;
}

function readGridRow(view: GridView, r: number, columns: Map<number, string>): RowRead {
  const first = Math.min(...columns.keys());
  const labels = rowCells(view, r, 0, first).filter((c) => c.text.trim());
  const values = APPLICATION_COLUMNS.map((col) => {
    const c = [...columns].find(([, key]) => key === col.key)![0];
    const cell = view.matrix[r]![c] ?? null;
    return cell && cell.row === r ? cell : null;
  });
  return { labels, values, found: values.length };
}

function readTextRow(view: GridView, r: number): RowRead {
  const { labels, values } = splitTrailingValues(rowCells(view, r));
  return { labels, values: values.length === APPLICATION_COLUMNS.length ? values : null, found: values.length };
}

const hasValues = (read: RowRead) =>
  read.found > 0 && (!read.values || hasValue(read.values.filter((c): c is IRCell => c !== null)));

function cellsOf(values: (IRCell | null)[], page: number | null) {
  return Object.fromEntries(
    APPLICATION_COLUMNS.map((col, i) => {
      const cell = values[i] ?? null;
      return [col.key, parseCell(cell?.text ?? '', col.kind, cell?.page ?? page)];
    }),
  );
}

/** Value rows whose labels were lost (a flattened copy), waiting under the group label they follow. */
interface Orphans {
  group: OutcomeGroup;
  reads: RowRead[];
  page: number | null;
}

/**
 * Places a group's unlabelled value rows: by position when there are exactly as
 * many as the group has sub-items and none of them was labelled, otherwise the
 * sub-items stay uncertain — never a guessed assignment.
 */
function placeOrphans(
  orphans: Orphans,
  defs: LabelDef[],
  out: StructuredApplications,
  diagnostics: Diagnostic[],
): void {
  if (!orphans.reads.length) return;
  const members = defs.filter((d) => d.group === orphans.group);
  const open = members.filter((d) => !out.rows[d.key] && !out.uncertain.some((u) => u.row === d.key));
  const readable = orphans.reads.every((r) => r.values);
  if (!open.length) {
    diagnostics.push({
      code: 'structure/group-values',
      message: `${NAME}「${place.outcomeGroup(orphans.group)}」的子项均有标签，另有 ${orphans.reads.length} 行无标签数值（如小计），未使用`,
    });
    return;
  }
  if (readable && open.length === members.length && orphans.reads.length === members.length) {
    for (const [i, d] of members.entries()) out.rows[d.key] = cellsOf(orphans.reads[i]!.values!, orphans.page);
    diagnostics.push({
      code: 'structure/rows-by-position',
      message: `${NAME}「${place.outcomeGroup(orphans.group)}」下 ${members.length} 行缺少行标签，按模板顺序对应各子项`,
    });
    return;
  }
  for (const d of open) {
    out.uncertain.push({
      table: 'applications',
      row: d.key,
      location: place.applicationRowPath(d.key),
      page: orphans.page,
      reason: `「${place.outcomeGroup(orphans.group)}」下有 ${orphans.reads.length} 行数值缺少行标签，无法确定对应的子项`,
    });
  }
}

/** 表三 → rows × columns. Rows whose values cannot be placed are reported uncertain, never guessed. */
export function structureApplications(
  view: GridView,
  year: number | null,
  diagnostics: Diagnostic[],
): StructuredApplications {
  const text = view.table.cells.map((c) => c.text).join(' ');
  const { version, sure } = applicationsVersion(text, year);
  if (!sure)
    diagnostics.push({
      code: 'structure/template-guessed',
      message: `${NAME}无（六）其他处理行可判断格式，按年份推定为${version}年版`,
    });
  const defs = ALL_ROWS.filter((d) => APPLICATION_ROWS[version].some((v) => v.key === d.key));
  const columns = view.table.layout === 'grid' ? headerColumns(view) : null;
  if (!columns)
    diagnostics.push({
      code: 'structure/no-header',
      message: `${NAME}未能从表头确定列，按每行末尾的 7 个数值依模板顺序读取`,
    });
  const out: StructuredApplications = { rows: {}, version, uncertain: [] };
  let group: OutcomeGroup | null = null;
  let orphans: Orphans | null = null;
  const settle = () => {
    if (orphans) placeOrphans(orphans, defs, out, diagnostics);
    orphans = null;
  };
  for (let r = 0; r < view.table.rows; r++) {
    const read = columns ? readGridRow(view, r, columns) : readTextRow(view, r);
    const own = read.labels[read.labels.length - 1];
    if (!own) {
      if (orphans && hasValues(read)) orphans.reads.push(read);
      continue;
    }
    group = groupOf(read.labels.slice(0, -1)) ?? groupOf([own]) ?? group;
    const def = matchRow(defs, own, group);
    if (!def) {
      const named = groupLabel(own.text);
      if (named && !named.rest) {
        settle();
        orphans = { group: named.group, reads: hasValues(read) ? [read] : [], page: own.page };
      } else if (hasValues(read))
        diagnostics.push({ code: 'structure/unknown-row', message: `${NAME}中未识别的行：「${own.text}」` });
      continue;
    }
    if (def.group !== orphans?.group) settle();
    if (!def.group) group = null;
    if (out.rows[def.key] || out.uncertain.some((u) => u.row === def.key)) {
      diagnostics.push({ code: 'structure/duplicate-row', message: `${NAME}中「${def.short}」出现多次，取第一次` });
      continue;
    }
    if (!read.values) {
      if (read.found === 0) continue;
      out.uncertain.push({
        table: 'applications',
        row: def.key,
        location: place.applicationRowPath(def.key),
        page: own.page,
        reason: `该行找到 ${read.found} 个数值，应为 ${APPLICATION_COLUMNS.length} 个，无法确定各数值所属的列`,
      });
      continue;
    }
    const doubt = uncertainCells(read.values);
    if (doubt) {
      out.uncertain.push({
        table: 'applications',
        row: def.key,
        location: place.applicationRowPath(def.key),
        page: own.page,
        reason: doubt,
      });
      continue;
    }
    out.rows[def.key] = cellsOf(read.values, own.page);
  }
  settle();
  return out;
}
