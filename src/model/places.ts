import type { TableKey } from './report.js';
import {
  ACTIVE_DISCLOSURE,
  APPLICATION_COLUMNS,
  ALL_APPLICATION_ROWS,
  OUTCOME_GROUP_NAMES,
  type OutcomeGroup,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  TABLE_NAMES,
  type Version,
} from './templates.js';

/**
 * Every `location` names a place the way the report prints it, built here and
 * only here from the template data: locations are part of each finding's
 * fingerprint, so one string typed differently elsewhere would reset triage.
 */
const path = (...parts: string[]) => parts.join('/');
const sum = (names: string[]) => names.join('+');

function subtableDef(version: Version, sub: string) {
  return ACTIVE_DISCLOSURE[version].find((s) => s.key === sub);
}

/** 表四's groups, a group family the template heads with one label (行政诉讼) named once when all of it is meant. */
function reviewGroups(keys: string[]): string {
  const names: string[] = [];
  for (const key of keys) {
    const short = place.reviewGroup(key);
    const family = short.includes('/') ? short.slice(0, short.indexOf('/')) : null;
    const members = family ? REVIEW_GROUPS.filter((g) => g.short.startsWith(`${family}/`)).map((g) => g.key) : [];
    const whole = family !== null && members.every((m) => keys.includes(m));
    if (!whole) names.push(short);
    else if (!names.includes(family)) names.push(family);
  }
  return sum(names);
}

export const place = {
  /** 表二, 表三, 表四 */
  table(key: TableKey): string {
    return TABLE_NAMES[key];
  },

  applicationRow(key: string): string {
    return ALL_APPLICATION_ROWS.find((r) => r.key === key)?.short ?? key;
  },
  applicationColumn(key: string): string {
    return APPLICATION_COLUMNS.find((c) => c.key === key)?.short ?? key;
  },
  /** （三）不予公开: a 表三 outcome group, which has sub-rows and no values of its own */
  outcomeGroup(group: OutcomeGroup): string {
    return OUTCOME_GROUP_NAMES[group];
  },
  /** 表三/一、本年新收 */
  applicationRowPath(row: string): string {
    return path(TABLE_NAMES.applications, place.applicationRow(row));
  },
  /** 表三/（七）总计/自然人 */
  applicationCell(row: string, col: string): string {
    return path(TABLE_NAMES.applications, place.applicationRow(row), place.applicationColumn(col));
  },
  /** 表三/一、本年新收+二、上年结转/总计 */
  applicationSum(rows: string[], col: string): string {
    return path(TABLE_NAMES.applications, sum(rows.map(place.applicationRow)), place.applicationColumn(col));
  },
  /** 表三/（三）不予公开/总计 */
  outcomeGroupCell(group: OutcomeGroup, col: string): string {
    return path(TABLE_NAMES.applications, place.outcomeGroup(group), place.applicationColumn(col));
  },

  reviewGroup(key: string): string {
    return REVIEW_GROUPS.find((g) => g.key === key)?.short ?? key;
  },
  reviewColumn(key: string): string {
    return REVIEW_COLUMNS.find((c) => c.key === key)?.short ?? key;
  },
  /** 表四/行政诉讼/复议后起诉 */
  reviewGroupPath(group: string): string {
    return path(TABLE_NAMES.reviewLitigation, place.reviewGroup(group));
  },
  /** 表四/行政复议/总计 */
  reviewCell(group: string, col: string): string {
    return path(TABLE_NAMES.reviewLitigation, place.reviewGroup(group), place.reviewColumn(col));
  },
  /** 表四/行政复议+行政诉讼/总计: several groups added up */
  reviewSum(groups: string[], col: string): string {
    return path(TABLE_NAMES.reviewLitigation, reviewGroups(groups), place.reviewColumn(col));
  },

  subtable(version: Version, sub: string): string {
    return subtableDef(version, sub)?.caption ?? sub;
  },
  /** 表二/第二十条第（一）项 */
  subtablePath(version: Version, sub: string): string {
    return path(TABLE_NAMES.activeDisclosure, place.subtable(version, sub));
  },
  /** 表二/第二十条第（一）项/规章 */
  activeRowPath(version: Version, sub: string, row: string): string {
    const short = subtableDef(version, sub)?.rows.find((r) => r.key === row)?.short ?? row;
    return path(place.subtablePath(version, sub), short);
  },
  /** 表二/第二十条第（一）项/规章/本年制发件数 */
  activeCell(version: Version, sub: string, row: string, col: string): string {
    const short = subtableDef(version, sub)?.cols.find((c) => c.key === col)?.short ?? col;
    return path(place.activeRowPath(version, sub, row), short);
  },
};
