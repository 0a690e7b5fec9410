import type { AnnualReport, Cell, TableKey } from '../model/report.js';
import { place } from '../model/places.js';
import type { RuleContext } from './rule.js';
import {
  ACTIVE_DISCLOSURE,
  APPLICATION_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  templateForYear,
  type Version,
} from '../model/templates.js';

export function templateOf(report: AnnualReport, table: 'activeDisclosure' | 'applications'): Version {
  const v = report.tableTemplates[table];
  return v === '2019' || v === '2021' ? v : templateForYear(report.meta.year);
}

/** A row the extractor could not read: rules must neither call it missing nor add it up. */
export function isUncertain(report: AnnualReport, table: TableKey, row: string | null): boolean {
  return report.uncertain.some((u) => u.table === table && (u.row === null || u.row === row));
}

/** The value a sum may use: numbers as they are, "/" and "无" as nothing; blank or unreadable means unknown. */
export function addend(cell: Cell | undefined): number | null {
  if (!cell) return null;
  if (cell.state === 'number') return cell.value;
  return cell.state === 'not-applicable' ? 0 : null;
}

export interface SumCheck {
  total: number;
  sum: number;
}

/** total vs the sum of parts, or null when any cell is unknown (another rule says why). */
export function sumMismatch(total: Cell | undefined, parts: (Cell | undefined)[]): SumCheck | null {
  const t = addend(total);
  const values = parts.map(addend);
  if (t === null || values.some((v) => v === null)) return null;
  const sum = values.reduce<number>((a, b) => a + b!, 0);
  return t === sum ? null : { total: t, sum };
}

export interface PlacedCell {
  table: TableKey;
  /** the row (or 表四 group, or 表二 sub-table row) the cell sits in */
  row: string;
  column: string;
  kind: 'count' | 'signed' | 'amount';
  cell: Cell;
}

/** Every cell the report's tables hold, named as the report prints them. */
export function placedCells(report: AnnualReport): PlacedCell[] {
  const out: PlacedCell[] = [];
  const active = report.tables.activeDisclosure;
  if (active) {
    const version = templateOf(report, 'activeDisclosure');
    for (const sub of ACTIVE_DISCLOSURE[version]) {
      for (const row of sub.rows) {
        for (const col of sub.cols) {
          const cell = active[sub.key]?.[row.key]?.[col.key];
          if (cell)
            out.push({
              table: 'activeDisclosure',
              row: place.activeRowPath(version, sub.key, row.key),
              column: col.short,
              kind: col.kind,
              cell,
            });
        }
      }
    }
  }
  for (const [rowKey, cells] of Object.entries(report.tables.applications ?? {})) {
    for (const col of APPLICATION_COLUMNS) {
      const cell = cells[col.key];
      if (cell)
        out.push({
          table: 'applications',
          row: place.applicationRowPath(rowKey),
          column: col.short,
          kind: col.kind,
          cell,
        });
    }
  }
  for (const group of REVIEW_GROUPS) {
    for (const col of REVIEW_COLUMNS) {
      const cell = report.tables.reviewLitigation?.[group.key]?.[col.key];
      if (cell)
        out.push({
          table: 'reviewLitigation',
          row: place.reviewGroupPath(group.key),
          column: col.short,
          kind: col.kind,
          cell,
        });
    }
  }
  return out;
}

/** The same agency's report for the year before, when the corpus holds it. */
export function previousReport(report: AnnualReport, context: RuleContext): AnnualReport | null {
  const { agency, year } = report.meta;
  return agency && year !== null && context.reportFor ? context.reportFor(agency, year - 1) : null;
}
