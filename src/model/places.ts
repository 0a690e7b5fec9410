import {
  ACTIVE_DISCLOSURE,
  APPLICATION_COLUMNS,
  ALL_APPLICATION_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  TABLE_NAMES,
  type Version,
} from './templates.js';

/** Names of places as the report itself prints them, for `location` and messages. */
export const place = {
  applicationRow(key: string): string {
    return ALL_APPLICATION_ROWS.find((r) => r.key === key)?.short ?? key;
  },
  applicationColumn(key: string): string {
    return APPLICATION_COLUMNS.find((c) => c.key === key)?.short ?? key;
  },
  applicationCell(row: string, col: string): string {
    return `${TABLE_NAMES.applications}/${place.applicationRow(row)}/${place.applicationColumn(col)}`;
  },
  reviewGroup(key: string): string {
    return REVIEW_GROUPS.find((g) => g.key === key)?.short ?? key;
  },
  reviewColumn(key: string): string {
    return REVIEW_COLUMNS.find((c) => c.key === key)?.short ?? key;
  },
  subtable(version: Version, sub: string): string {
    return ACTIVE_DISCLOSURE[version].find((s) => s.key === sub)?.caption ?? sub;
  },
};
