import type { Diagnostic, DocumentIR, TableBlock } from '../model/ir.js';
import { AnnualReport, SCHEMA_VERSION, type TableKey, type UncertainPlace } from '../model/report.js';
import { TABLE_MARKERS, TEMPLATE_FROM_YEAR, type Version } from '../model/templates.js';
import { concatTables } from '../model/grid.js';
import { structureActiveDisclosure } from './active-disclosure.js';
import { structureApplications } from './applications.js';
import { viewOf } from './grid-view.js';
import { normalizeLabel } from './labels.js';
import { readMeta } from './meta.js';
import { structureReviewLitigation } from './review-litigation.js';
import { findSections } from './sections.js';

export interface SourceInfo {
  path: string;
  sha256: string;
}

/** Which of 表二/表三/表四 a table block is, by the labels it carries (never by the text around it). */
export function classifyTable(table: TableBlock): TableKey | null {
  const text = normalizeLabel(table.cells.map((c) => c.text).join(''));
  let best: TableKey | null = null;
  let bestScore = 0;
  for (const [key, markers] of Object.entries(TABLE_MARKERS) as [TableKey, string[]][]) {
    const score = markers.filter((m) => text.includes(m)).length;
    if (score > bestScore) [best, bestScore] = [key, score];
  }
  return best;
}

/** Table blocks grouped by kind, in document order; a table split by page breaks becomes one. */
function tablesByKind(doc: DocumentIR, diagnostics: Diagnostic[]): Partial<Record<TableKey, TableBlock>> {
  const groups: Partial<Record<TableKey, TableBlock[]>> = {};
  for (const block of doc.blocks) {
    if (block.kind !== 'table') continue;
    const kind = classifyTable(block);
    if (kind) (groups[kind] ??= []).push(block);
    else if (block.cells.some((c) => c.text.trim()))
      diagnostics.push({
        code: 'structure/unknown-table',
        message: `未识别的表格（首格：「${block.cells[0]?.text.slice(0, 20) ?? ''}」）`,
      });
  }
  return Object.fromEntries(Object.entries(groups).map(([k, ts]) => [k, ts.length === 1 ? ts[0]! : concatTables(ts)]));
}

/** DocumentIR → AnnualReport: the six parts, the three tables, the metadata. Knows templates, not formats. */
export function structureDocument(doc: DocumentIR, source: SourceInfo): AnnualReport {
  const diagnostics: Diagnostic[] = [...doc.diagnostics];
  const meta = readMeta(doc, diagnostics);
  const tables = tablesByKind(doc, diagnostics);
  const uncertain: UncertainPlace[] = [];
  const active =
    tables.activeDisclosure && structureActiveDisclosure(viewOf(tables.activeDisclosure), meta.year, diagnostics);
  const applications =
    tables.applications && structureApplications(viewOf(tables.applications), meta.year, diagnostics);
  const review = tables.reviewLitigation && structureReviewLitigation(viewOf(tables.reviewLitigation), diagnostics);
  uncertain.push(...(active?.uncertain ?? []), ...(applications?.uncertain ?? []), ...(review?.uncertain ?? []));
  const versions = [active?.version, applications?.version].filter((v): v is Version => !!v);
  // the report is as old as its oldest table
  const template = [...versions].sort((a, b) => TEMPLATE_FROM_YEAR[a] - TEMPLATE_FROM_YEAR[b])[0] ?? 'unknown';
  return AnnualReport.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { path: source.path, sha256: source.sha256, format: doc.format, pages: doc.pages },
    meta: {
      title: meta.title,
      agency: meta.agency,
      agencyLevel: meta.agencyLevel,
      agencyKey: meta.agencyKey,
      year: meta.year,
      template,
      periodStart: meta.periodStart,
      periodEnd: meta.periodEnd,
      fileYear: meta.fileYear,
      titleYear: meta.titleYear,
      published: meta.published,
    },
    sections: findSections(doc.blocks),
    tables: {
      activeDisclosure: active?.subtables ?? null,
      applications: applications?.rows ?? null,
      reviewLitigation: review?.groups ?? null,
    },
    tableTemplates: {
      activeDisclosure: active?.version ?? null,
      applications: applications?.version ?? null,
      reviewLitigation: review ? (versions[0] ?? 'unknown') : null,
    },
    rowLabels: {
      activeDisclosure: active?.labels ?? {},
      applications: applications?.labels ?? {},
      reviewLitigation: review?.labels ?? {},
    },
    uncertain,
    diagnostics,
  });
}
