import type { Finding } from '../model/finding.js';
import { auditFile, unreadableResult } from '../pipeline.js';
import { displayPath, walkInputs } from './walk.js';

export interface AuditRun {
  files: string[];
  ignored: string[];
  findings: Finding[];
}

export interface AuditRunOptions {
  onFile?: (file: string, done: number, total: number) => void;
}

/** Audits every report under the paths, one after another. */
export async function auditPaths(paths: string[], options: AuditRunOptions = {}): Promise<AuditRun> {
  const inputs = await walkInputs(paths);
  const files = [...inputs.files.map(displayPath), ...inputs.missing];
  const findings: Finding[] = [];
  for (const missing of inputs.missing) findings.push(...unreadableResult(missing, '路径不存在').findings);
  let done = 0;
  for (const file of inputs.files.map(displayPath)) {
    const result = await auditFile(file);
    findings.push(...result.findings);
    options.onFile?.(file, ++done, inputs.files.length);
  }
  return { files, ignored: inputs.ignored, findings };
}
