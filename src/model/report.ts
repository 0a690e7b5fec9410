import { z } from 'zod';
import { AGENCY_LEVELS } from './agencies.js';
import { Diagnostic, Format } from './ir.js';

export const SCHEMA_VERSION = 1;

export const TemplateVersion = z.enum(['2019', '2021', 'unknown']);
export type TemplateVersion = z.infer<typeof TemplateVersion>;

export const CellState = z.enum(['number', 'blank', 'not-applicable', 'invalid']);
export type CellState = z.infer<typeof CellState>;

/** `value` is null for blank and not-applicable cells; `raw` keeps 0, blank and "/" apart. */
export const Cell = z.object({
  value: z.number().nullable(),
  raw: z.string(),
  page: z.number().int().positive().nullable(),
  /** what the cell holds, read once by parseCell: rules never re-read `raw` */
  state: CellState,
  /** a unit written in the cell itself (元, 万元), never assumed */
  unit: z.string().optional(),
});
export type Cell = z.infer<typeof Cell>;

const CellMap = z.record(z.string(), Cell);
export const ApplicationsTable = z.record(z.string(), CellMap);
export const ReviewLitigationTable = z.record(z.string(), CellMap);
export const ActiveDisclosureTable = z.record(z.string(), z.record(z.string(), CellMap));
export type CellRow = z.infer<typeof CellMap>;
export type ApplicationsTable = z.infer<typeof ApplicationsTable>;
export type ReviewLitigationTable = z.infer<typeof ReviewLitigationTable>;
export type ActiveDisclosureTable = z.infer<typeof ActiveDisclosureTable>;

export const TableKey = z.enum(['activeDisclosure', 'applications', 'reviewLitigation']);
export type TableKey = z.infer<typeof TableKey>;

export const SectionKey = z.enum([
  'overview',
  'activeDisclosure',
  'applications',
  'reviewLitigation',
  'problems',
  'otherMatters',
]);
export type SectionKey = z.infer<typeof SectionKey>;

/**
 * One part as the report prints it. Nothing a report prints can fail here: a
 * part numbered 七、 or worded in its own way is recorded, and the rules say how
 * it deviates from the template.
 */
export const Section = z.object({
  /** the template part the heading was matched to (1..6), null when it matched none */
  number: z.number().int().nullable(),
  /** the numbering as printed: 「七、」「第三部分」; null when the heading has none */
  printed: z.string().nullable(),
  /** the ordinal the printed numbering carries (七、 → 7, 第三部分 → 3), null when it carries none */
  ordinal: z.number().int().nullable(),
  /** whether the heading's words, numbering aside, are the template's (script, width, punctuation folded) */
  matchesTemplate: z.boolean(),
  key: SectionKey.nullable(),
  heading: z.string(),
  text: z.string(),
  page: z.number().int().positive().nullable(),
  /**
   * the heading was read by OCR: its wording and numbering are the engine's reading, so no
   * rule may take a difference in them for the report's; `printed` is null when the
   * numbering could not be read at all (「一、」 read as 「人人」), not when the report lacks one
   */
  uncertain: z.boolean().optional(),
});
export type Section = z.infer<typeof Section>;

/**
 * A place the extractor could not read with confidence. Rules treat it as
 * "unknown": neither missing nor a number to add up.
 */
export const UncertainPlace = z.object({
  table: TableKey,
  /** row key (applications), group key (reviewLitigation), `sub/row` (activeDisclosure); null = whole table */
  row: z.string().nullable(),
  location: z.string(),
  reason: z.string(),
  page: z.number().int().positive().nullable(),
  /** only the row's label was found, no value: a label quoted in prose looks the same */
  labelOnly: z.boolean().optional(),
});
export type UncertainPlace = z.infer<typeof UncertainPlace>;

/** A table row's label as the report prints it, and whether it is the template's own wording. */
export const PrintedLabel = z.object({
  printed: z.string(),
  /** false for a typo, a truncation or other words; script, width, spacing, punctuation and numbering do not count */
  matchesTemplate: z.boolean(),
  /**
   * the label was read by OCR: `printed` is the engine's reading, not known to be
   * what the page says, so no rule may take a difference in its wording for the report's
   */
  uncertain: z.boolean().optional(),
});
export type PrintedLabel = z.infer<typeof PrintedLabel>;
const LabelMap = z.record(z.string(), PrintedLabel);
/** keyed like the tables: row key (applications), group key (reviewLitigation), `sub/row` (activeDisclosure) */
export const RowLabels = z.object({
  activeDisclosure: LabelMap,
  applications: LabelMap,
  reviewLitigation: LabelMap,
});
export type RowLabels = z.infer<typeof RowLabels>;

export const AnnualReport = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: z.object({
    path: z.string(),
    sha256: z.string(),
    format: Format,
    pages: z.number().int().nonnegative().nullable(),
  }),
  meta: z.object({
    title: z.string().nullable(),
    agency: z.string().nullable(),
    /** what the agency's name shows it is (src/model/agencies.ts): the deadline of 《条例》第四十九条 depends on it */
    agencyLevel: z.enum(AGENCY_LEVELS).nullable(),
    /** the agency as a key that meets its reports of other years (parent regions kept; see agencies.ts) */
    agencyKey: z.string().nullable(),
    year: z.number().int().nullable(),
    template: TemplateVersion,
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    /** year named in the file's own metadata title or name, for meta/year-mismatch */
    fileYear: z.number().int().nullable(),
    titleYear: z.number().int().nullable(),
    /** publication date the source states about itself, ISO yyyy-mm-dd */
    published: z.string().nullable(),
  }),
  sections: z.array(Section),
  tables: z.object({
    activeDisclosure: ActiveDisclosureTable.nullable(),
    applications: ApplicationsTable.nullable(),
    reviewLitigation: ReviewLitigationTable.nullable(),
  }),
  /** template recognised per table: a report can mix a 2021 表二 with a 2019 表三 */
  tableTemplates: z.object({
    activeDisclosure: TemplateVersion.nullable(),
    applications: TemplateVersion.nullable(),
    reviewLitigation: TemplateVersion.nullable(),
  }),
  /** the printed label of every row placed in a template row (the template row is the key) */
  rowLabels: RowLabels.default({ activeDisclosure: {}, applications: {}, reviewLitigation: {} }),
  uncertain: z.array(UncertainPlace),
  diagnostics: z.array(Diagnostic),
});
export type AnnualReport = z.infer<typeof AnnualReport>;
