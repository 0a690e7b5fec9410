import { parseArgs } from 'node:util';
import { auditPaths } from '../corpus/run.js';
import { severityRank, type Severity } from '../model/finding.js';
import { writeFindingsCsv } from '../output/csv.js';
import { writeFindingsHtml } from '../output/html.js';
import { writeFindingsJson } from '../output/json.js';
import { summarize, summaryLine } from '../output/summary.js';
import { UsageError } from './usage.js';
import { VERSION } from './version.js';

const DEFAULT_OUT = 'nianbao-out/discrepancies.csv';

export interface AuditOptions {
  paths: string[];
  out: string;
  json?: string;
  html?: string;
  failOn?: Severity;
  quiet: boolean;
}

export function parseAuditArgs(argv: string[]): AuditOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      jobs: { type: 'string' },
      'fail-on': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (!positionals.length) throw new UsageError('audit needs at least one PATH');
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'error' && failOn !== 'warning') throw new UsageError('--fail-on takes error or warning');
  if (values.jobs !== undefined && !(Number(values.jobs) >= 1)) throw new UsageError('--jobs takes a positive number');
  return { paths: positionals, out: values.out ?? DEFAULT_OUT, json: values.json, html: values.html, failOn, quiet: values.quiet ?? false };
}

export async function auditCommand(argv: string[]): Promise<number> {
  const options = parseAuditArgs(argv);
  const run = await auditPaths(options.paths);
  const summary = summarize(run.files, run.findings, run.ignored.length);
  await writeFindingsCsv(options.out, run.findings);
  if (options.json) await writeFindingsJson(options.json, { tool: 'nianbao', version: VERSION, summary, files: run.files, findings: run.findings });
  if (options.html) await writeFindingsHtml(options.html, run.findings, summary);
  if (!options.quiet) process.stderr.write(`${summaryLine(summary)}\nwrote ${options.out}\n`);
  const threshold = options.failOn ? severityRank[options.failOn] : Infinity;
  return run.findings.some((f) => severityRank[f.severity] >= threshold) ? 1 : 0;
}
