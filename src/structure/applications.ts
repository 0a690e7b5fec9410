import type { Diagnostic, IRCell } from '../model/ir.js';
import type { ApplicationsTable, PrintedLabel, UncertainPlace } from '../model/report.js';
import {
  APPLICATION_COLUMNS,
  APPLICATION_HEADER_WORDS,
  APPLICATION_ROWS,
  APPLICATION_ROW_SUM,
  OUTCOME_GROUP_LABELS,
  applicationColumnIdentities,
  distinctApplicationRows,
  templateForYear,
  type LabelDef,
  type OutcomeGroup,
  type Version,
} from '../model/templates.js';
import { alignRows, sameWording } from './align.js';
import { fillsColumns, settleAcrossRows, splitRun, type SumIdentity } from './digit-runs.js';
import { hasValue, rowCells, splitTrailingValues, trailingRun, type GridView } from './grid-view.js';
import { matchLabel, normalizeLabel } from './labels.js';
import { parseCell } from '../model/cell.js';
import { place } from '../model/places.js';
import { recognised, uncertainCells } from './uncertain-cells.js';

const NAME = place.table('applications');
const KINDS = APPLICATION_COLUMNS.map((c) => c.kind);
const columnIndex = (key: string) => APPLICATION_COLUMNS.findIndex((c) => c.key === key);
const ROW_SUM: SumIdentity = {
  parts: APPLICATION_ROW_SUM.parts.map(columnIndex),
  total: columnIndex(APPLICATION_ROW_SUM.total),
};

export interface StructuredApplications {
  rows: ApplicationsTable;
  version: Version;
  uncertain: UncertainPlace[];
  labels: Record<string, PrintedLabel>;
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

const groupName = (group: OutcomeGroup) => OUTCOME_GROUP_LABELS.find((g) => g.group === group)!.label;

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

/** One table row as read: its label cells and either its seven value cells, a run of digits, or neither. */
interface Line {
  labels: IRCell[];
  values: (IRCell | null)[] | null;
  run: { text: string; page: number | null } | null;
  found: number;
  /** cells after the row's label, blank ones included: a row printed with no number is there, not missing */
  printedCells: number;
  header: boolean;
}

function gridLine(view: GridView, r: number, columns: Map<number, string>): Line {
  const first = Math.min(...columns.keys());
  const labels = rowCells(view, r, 0, first).filter((c) => c.text.trim());
  const values = APPLICATION_COLUMNS.map((col) => {
    const c = [...columns].find(([, key]) => key === col.key)![0];
    const cell = view.matrix[r]![c] ?? null;
    return cell && cell.row === r ? cell : null;
  });
  const header = !hasValue(values.filter((c): c is IRCell => c !== null)) && isHeader(rowCells(view, r));
  return { labels, values, run: null, found: values.length, printedCells: values.length, header };
}

const isHeader = (cells: IRCell[]) =>
  !hasValue(cells) && cells.some((c) => APPLICATION_HEADER_WORDS.some((w) => normalizeLabel(c.text).includes(w)));

function textLine(view: GridView, r: number): Line {
  const cells = rowCells(view, r);
  const header = isHeader(cells);
  const { labels, values } = splitTrailingValues(cells);
  const tail = cells.slice(cells.lastIndexOf(labels[labels.length - 1]!) + 1);
  const printedCells = labels.length ? tail.length : cells.length;
  const line = { labels, run: null, found: values.length, printedCells, header };
  if (values.length === APPLICATION_COLUMNS.length) return { ...line, values };
  // blanks the text itself proves (empty cells between separators) stand in their columns when they fill the row
  if (labels.length && tail.length === APPLICATION_COLUMNS.length) return { ...line, values: tail, found: tail.length };
  const run = view.table.layout === 'text' && values.length <= 1 ? trailingRun(cells) : null;
  if (run && fillsColumns(run.run, APPLICATION_COLUMNS.length))
    return { ...line, labels: run.labels, values: null, run: { text: run.run, page: run.page }, found: 1 };
  return { ...line, values: null };
}

const hasValues = (line: Line) =>
  line.run !== null ||
  (line.found > 0 && (!line.values || hasValue(line.values.filter((c): c is IRCell => c !== null))));

function cellsOf(values: (IRCell | null)[] | string[], page: number | null) {
  return Object.fromEntries(
    APPLICATION_COLUMNS.map((col, i) => {
      const v = values[i] ?? null;
      const [raw, at] = typeof v === 'string' ? [v, page] : [v?.text ?? '', v?.page ?? page];
      return [col.key, parseCell(raw, col.kind, at)];
    }),
  );
}

/** A line with its context: the group it stands under and the label text that names its row. */
interface Placed {
  line: Line;
  own: IRCell;
  text: string;
  group: OutcomeGroup | null;
  /** a group label (（三）不予公开) standing alone, not a row of the template */
  groupOnly: OutcomeGroup | null;
}

function admits(def: LabelDef, group: OutcomeGroup | null): boolean {
  return !def.group || !def.exact || def.group === group;
}

/** Every line's context, in order: group labels carry over to the rows under them. */
function placeLines(lines: Line[], defs: LabelDef[]): (Placed | null)[] {
  let group: OutcomeGroup | null = null;
  return lines.map((line) => {
    const own = line.labels[line.labels.length - 1];
    if (!own || line.header) return null;
    group = groupOf(line.labels.slice(0, -1)) ?? groupOf([own]) ?? group;
    const prefixed = groupLabel(own.text);
    const [text, context] = prefixed?.rest ? [prefixed.rest, prefixed.group] : [own.text, group];
    const named = matchLabel(defs, text, (d) => admits(d, context));
    const groupOnly = !named && prefixed && !prefixed.rest ? prefixed.group : null;
    if (named && !named.group) group = null;
    return { line, own, text, group: context, groupOnly };
  });
}

/** Value rows whose labels were lost (a flattened copy), waiting under the group label they follow. */
interface Orphans {
  group: OutcomeGroup;
  lines: Line[];
  page: number | null;
}

interface Reading extends StructuredApplications {
  runs: Map<string, { run: string; page: number | null; candidates: string[][] | null }>;
  /** template rows a table row was aligned with */
  aligned: Set<string>;
}

const isOpen = (out: Reading, key: string) => !out.rows[key] && !out.uncertain.some((u) => u.row === key);

/**
 * Places a group's unlabelled value rows: by position when there are exactly as
 * many as the group has sub-items and none of them was labelled, otherwise the
 * sub-items stay uncertain — never a guessed assignment.
 */
function placeOrphans(orphans: Orphans, defs: LabelDef[], out: Reading, diagnostics: Diagnostic[]): void {
  if (!orphans.lines.length) return;
  const members = defs.filter((d) => d.group === orphans.group);
  const open = members.filter((d) => isOpen(out, d.key));
  const name = groupName(orphans.group);
  if (!open.length) {
    diagnostics.push({
      code: 'structure/group-values',
      message: `${NAME}「${name}」的子项均有标签，另有 ${orphans.lines.length} 行无标签数值（如小计），未使用`,
    });
    return;
  }
  if (orphans.lines.every((l) => l.values) && open.length === members.length && orphans.lines.length === open.length) {
    for (const [i, d] of members.entries()) out.rows[d.key] = cellsOf(orphans.lines[i]!.values!, orphans.page);
    diagnostics.push({
      code: 'structure/rows-by-position',
      message: `${NAME}「${name}」下 ${members.length} 行缺少行标签，按模板顺序对应各子项`,
    });
    return;
  }
  for (const d of open)
    out.uncertain.push({
      table: 'applications',
      row: d.key,
      location: place.applicationRowPath(d.key),
      page: orphans.page,
      reason: `「${name}」下有 ${orphans.lines.length} 行数值缺少行标签，无法确定对应的子项`,
    });
}

/** One reading of the table against one format's rows. */
function readAs(view: GridView, version: Version, diagnostics: Diagnostic[]): Reading {
  const defs = APPLICATION_ROWS[version];
  const columns = view.table.layout === 'grid' ? headerColumns(view) : null;
  if (!columns)
    diagnostics.push({
      code: 'structure/no-header',
      message: `${NAME}未能从表头确定列，按每行末尾的 7 个数值依模板顺序读取`,
    });
  const lines = [...Array(view.table.rows).keys()].map((r) =>
    columns ? gridLine(view, r, columns) : textLine(view, r),
  );
  const placed = placeLines(lines, defs);
  const items = placed.filter((p): p is Placed => p !== null && p.groupOnly === null);
  const aligned = alignRows(
    defs,
    items.map((p) => ({ text: p.text, admits: (d: LabelDef) => admits(d, p.group) })),
  );
  const defOf = new Map(items.map((p, i) => [p, aligned[i] ?? null]));
  const out: Reading = { rows: {}, version, uncertain: [], labels: {}, runs: new Map(), aligned: new Set() };
  let orphans: Orphans | null = null;
  const settle = () => {
    if (orphans) placeOrphans(orphans, defs, out, diagnostics);
    orphans = null;
  };
  for (const [i, line] of lines.entries()) {
    const p = placed[i];
    if (!p) {
      if (orphans && hasValues(line)) orphans.lines.push(line);
      continue;
    }
    if (p.groupOnly) {
      settle();
      orphans = { group: p.groupOnly, lines: hasValues(line) ? [line] : [], page: p.own.page };
      continue;
    }
    const def = defOf.get(p) ?? null;
    if (!def) {
      if (hasValues(line)) diagnostics.push(unplaced(defs, p, out));
      continue;
    }
    if (def.group !== orphans?.group) settle();
    out.aligned.add(def.key);
    placeRow(out, def, p, diagnostics);
  }
  settle();
  return out;
}

function unplaced(defs: LabelDef[], p: Placed, out: Reading): Diagnostic {
  const named = matchLabel(defs, p.text, (d) => admits(d, p.group));
  if (named && out.aligned.has(named.key))
    return { code: 'structure/duplicate-row', message: `${NAME}中「${named.short}」出现多次，取第一次` };
  return { code: 'structure/unknown-row', message: `${NAME}中未识别的行：「${p.own.text}」` };
}

/** A row label without the group labels merged in front of it: 「三、本年度办理结果（一）予以公开」 → 「一予以公开」. */
function withoutGroups(text: string): string {
  const n = normalizeLabel(text);
  let from = 0;
  for (const g of OUTCOME_GROUP_LABELS)
    for (const phrase of g.phrases) {
      const at = n.lastIndexOf(phrase);
      if (at >= 0 && at + phrase.length < n.length) from = Math.max(from, at + phrase.length);
    }
  return from ? n.slice(from) : text;
}

function placeRow(out: Reading, def: LabelDef, p: Placed, diagnostics: Diagnostic[]): void {
  const { line, own } = p;
  const printed = own.text.replace(/\s+/g, ' ').trim();
  const matchesTemplate = sameWording(def, withoutGroups(p.text));
  const label: PrintedLabel = { printed, matchesTemplate, ...(recognised(line.labels) ? { uncertain: true } : {}) };
  if (line.run) {
    out.labels[def.key] = label;
    out.runs.set(def.key, {
      run: line.run.text,
      page: line.run.page,
      candidates: splitRun(line.run.text, KINDS, [ROW_SUM]),
    });
    return;
  }
  if (!line.values) {
    out.labels[def.key] = label;
    out.uncertain.push({
      table: 'applications',
      row: def.key,
      location: place.applicationRowPath(def.key),
      page: own.page,
      reason: line.found
        ? `该行找到 ${line.found} 个数值，应为 ${APPLICATION_COLUMNS.length} 个，无法确定各数值所属的列`
        : line.printedCells
          ? `该行有 ${line.printedCells} 个空白单元格，应为 ${APPLICATION_COLUMNS.length} 个，无法确定各单元格所属的列`
          : '该行只有标签，未找到数值（可能被截断或以图片发布）',
      ...(line.found || line.printedCells ? {} : { labelOnly: true }),
    });
    return;
  }
  if (out.rows[def.key]) {
    diagnostics.push({ code: 'structure/duplicate-row', message: `${NAME}中「${def.short}」出现多次，取第一次` });
    return;
  }
  out.labels[def.key] = label;
  const doubt = uncertainCells(line.values);
  if (doubt) {
    const location = place.applicationRowPath(def.key);
    out.uncertain.push({ table: 'applications', row: def.key, location, page: own.page, reason: doubt });
    return;
  }
  out.rows[def.key] = cellsOf(line.values, own.page);
}

/** A cell's number for an identity: "/" and 无 count as nothing, anything unreadable as unknown. */
function known(out: Reading, choice: ReadonlyMap<string, string[]>, row: string, col: number): number | null {
  const chosen = choice.get(row);
  if (chosen) return Number(chosen[col]);
  const cell = out.rows[row]?.[APPLICATION_COLUMNS[col]!.key];
  if (!cell) return null;
  const state = cell.state;
  return state === 'number' ? cell.value : state === 'not-applicable' ? 0 : null;
}

/** Whether every column identity that involves a chosen row and can be evaluated holds. */
function consistent(out: Reading, choice: ReadonlyMap<string, string[]>): boolean {
  for (const identity of applicationColumnIdentities(out.version)) {
    const rows = [...identity.left, ...identity.right];
    if (!rows.some((r) => choice.has(r))) continue;
    for (let col = 0; col < APPLICATION_COLUMNS.length; col++) {
      const side = (keys: string[]) => keys.map((r) => known(out, choice, r, col));
      const [left, right] = [side(identity.left), side(identity.right)];
      if ([...left, ...right].some((v) => v === null)) continue;
      const sum = (vs: (number | null)[]) => vs.reduce<number>((a, b) => a + b!, 0);
      if (sum(left) !== sum(right)) return false;
    }
  }
  return true;
}

/** Run-together rows: one split by the row total, else the one the column identities leave, else uncertain. */
function settleRuns(out: Reading): void {
  const open = new Map<string, string[][]>();
  for (const [key, { candidates, page }] of out.runs) {
    if (candidates?.length === 1) out.rows[key] = cellsOf(candidates[0]!, page);
    else if (candidates && candidates.length > 1) open.set(key, candidates);
  }
  const settled = settleAcrossRows(open, (choice) => consistent(out, choice));
  for (const [key, { run, candidates, page }] of out.runs) {
    if (out.rows[key]) continue;
    const chosen = settled.get(key);
    if (chosen) {
      out.rows[key] = cellsOf(chosen, page);
      continue;
    }
    const def = APPLICATION_ROWS[out.version].find((d) => d.key === key)!;
    out.uncertain.push({
      table: 'applications',
      row: key,
      location: place.applicationRowPath(def.key),
      page,
      reason: runReason(run, candidates),
    });
  }
}

function runReason(run: string, candidates: string[][] | null): string {
  const head = `该行数字连写为「${run}」`;
  if (!candidates) return `${head}，可能的拆分过多，无法确定各数值`;
  if (!candidates.length) return `${head}，没有一种拆分使总计等于各申请人之和，无法确定各数值`;
  return `${head}，有 ${candidates.length} 种拆分符合总计等于各申请人之和，表内勾稽关系也无法确定唯一一种`;
}

/** How many of the rows only this format has the table printed: which format it is. */
const evidence = (reading: Reading) =>
  distinctApplicationRows(reading.version).filter((d) => reading.aligned.has(d.key)).length;

/** 表三 → rows × columns. Rows whose values cannot be placed are reported uncertain, never guessed. */
export function structureApplications(
  view: GridView,
  year: number | null,
  diagnostics: Diagnostic[],
): StructuredApplications {
  const readings = (Object.keys(APPLICATION_ROWS) as Version[]).map((version) => {
    const own: Diagnostic[] = [];
    return { reading: readAs(view, version, own), diagnostics: own };
  });
  const scores = readings.map((r) => evidence(r.reading));
  const top = Math.max(...scores);
  const sure = scores.filter((s) => s === top).length === 1;
  const fallback = templateForYear(year);
  const chosen = sure ? readings[scores.indexOf(top)]! : readings.find((r) => r.reading.version === fallback)!;
  if (!sure)
    diagnostics.push({
      code: 'structure/template-guessed',
      message: `${NAME}无（六）其他处理行可判断格式，按年份推定为${fallback}年版`,
    });
  diagnostics.push(...chosen.diagnostics);
  settleRuns(chosen.reading);
  const { rows, version, uncertain, labels } = chosen.reading;
  return { rows, version, uncertain, labels };
}
