import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { runRules } from './audit/engine.js';
import type { RuleContext } from './audit/rule.js';
import { rule as unreadable, unreadableFinding } from './audit/rules/extract-unreadable.js';
import { toFinding } from './audit/rule.js';
import { extractDocument } from './extract/index.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from './extract/options.js';
import type { Finding } from './model/finding.js';
import { UnreadableDocument } from './model/ir.js';
import type { AnnualReport } from './model/report.js';
import { structureDocument } from './structure/index.js';

export interface DocumentResult {
  file: string;
  report: AnnualReport | null;
  findings: Finding[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Bytes → AnnualReport. Throws UnreadableDocument for files that cannot be read. */
export async function readReport(
  bytes: Uint8Array,
  file: string,
  options: ExtractOptions = DEFAULT_EXTRACT_OPTIONS,
): Promise<AnnualReport> {
  const doc = await extractDocument(bytes, options);
  return structureDocument(doc, { path: file, sha256: sha256(bytes) });
}

export function unreadableResult(file: string, reason: string): DocumentResult {
  return { file, report: null, findings: [toFinding(unreadable, null, file, unreadableFinding(reason))] };
}

/** Why a file could not be read, in words for the discrepancy list. */
export function describeFailure(error: unknown): string {
  if (error instanceof UnreadableDocument) return error.message;
  return `解析出错（${(error as Error)?.message ?? String(error)}）`;
}

/** One file's whole pass: extract, structure, audit. Never throws for a bad file. */
export async function auditBytes(
  bytes: Uint8Array,
  file: string,
  context: RuleContext = {},
  options?: ExtractOptions,
): Promise<DocumentResult> {
  let report: AnnualReport;
  try {
    report = await readReport(bytes, file, options);
  } catch (error) {
    return unreadableResult(file, describeFailure(error));
  }
  return { file, report, findings: runRules(report, file, context) };
}

export async function auditFile(
  path: string,
  context: RuleContext = {},
  options?: ExtractOptions,
): Promise<DocumentResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return unreadableResult(
      path,
      `无法打开文件（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`,
    );
  }
  return auditBytes(bytes, path, context, options);
}
