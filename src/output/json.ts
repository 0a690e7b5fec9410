import type { Finding } from '../model/finding.js';
import { writeAtomic } from './atomic.js';
import type { RunSummary } from './summary.js';

export interface FindingsDocument {
  tool: 'nianbao';
  version: string;
  summary: RunSummary;
  files: string[];
  findings: Finding[];
}

export async function writeFindingsJson(path: string, doc: FindingsDocument): Promise<void> {
  await writeAtomic(path, `${JSON.stringify(doc, null, 2)}\n`);
}
