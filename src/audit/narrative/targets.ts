import type { Reading, Target } from '../../model/claims.js';
import type { AnnualReport, Cell } from '../../model/report.js';
import { groupRows, type Version } from '../../model/templates.js';
import { isUncertain, templateOf } from '../places.js';

/** A reading's value in the tables, with the first page its cells sit on. */
export interface ReadingValue {
  reading: Reading;
  value: number;
  page: number | null;
}

function applicationRows(target: Extract<Target, { table: 'applications' }>, version: Version): string[] {
  if ('rows' in target) return target.rows;
  return groupRows(version, target.group).map((r) => r.key);
}

/** The cells a target adds up, or null when one of them is missing or the row could not be read. */
function cellsOf(report: AnnualReport, target: Target): (Cell | undefined)[] | null {
  const { tables } = report;
  if (target.table === 'applications') {
    if (!tables.applications) return null;
    const version = templateOf(report, 'applications');
    const rows = applicationRows(target, version);
    if (rows.some((r) => isUncertain(report, 'applications', r))) return null;
    const present = rows.filter((r) => tables.applications![r]);
    if (present.length === 0) return null;
    return rows.flatMap((r) => target.columns.map((c) => tables.applications![r]?.[c]));
  }
  if (target.table === 'reviewLitigation') {
    if (!tables.reviewLitigation || target.groups.some((g) => isUncertain(report, 'reviewLitigation', g))) return null;
    return target.groups.map((g) => tables.reviewLitigation![g]?.[target.column]);
  }
  const column = target.column[templateOf(report, 'activeDisclosure')];
  if (!tables.activeDisclosure || !column || isUncertain(report, 'activeDisclosure', `${target.sub}/${target.row}`))
    return null;
  return [tables.activeDisclosure[target.sub]?.[target.row]?.[column]];
}

/**
 * The table's number for one reading, or null when it cannot be known: a
 * blank, "/", unreadable or missing cell is never read as 0. A 2021 （六） group
 * whose sub-rows are all absent counts as missing, not as 0.
 */
export function readingValue(report: AnnualReport, reading: Reading): ReadingValue | null {
  let value = 0;
  let page: number | null = null;
  for (const target of reading.targets) {
    const cells = cellsOf(report, target);
    if (!cells || cells.some((c) => !c)) return null;
    for (const cell of cells) {
      if (cell!.state !== 'number') return null;
      value += cell!.value!;
      page ??= cell!.page;
    }
  }
  return { reading, value: Math.round(value * 1e6) / 1e6, page };
}
