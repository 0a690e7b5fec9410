import { parseArgs } from 'node:util';
import { mergeShards, readShard } from '../nightly/merge.js';
import { readTriageFile } from '../nightly/side-files.js';
import { freshFindings } from '../nightly/history.js';
import { Store } from '../nightly/store.js';
import { summaryLine } from '../output/summary.js';
import { exitCodeFor, runSummary, writeOutputs } from './audit.js';
import { UsageError } from './usage.js';
import { VERSION } from '../model/version.js';

export async function mergeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      db: { type: 'string' },
      triage: { type: 'string' },
      'only-new': { type: 'boolean' },
      'fail-on': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (!positionals.length) throw new UsageError('merge needs the shard JSON files');
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'error' && failOn !== 'warning')
    throw new UsageError('--fail-on takes error or warning');
  const started = new Date().toISOString();
  const docs = await Promise.all(positionals.map(readShard));
  const store = new Store(values.db ?? 'nianbao-out/nianbao.db');
  try {
    const triage = values.triage ? await readTriageFile(values.triage) : new Map();
    const merged = mergeShards(docs, store.openFindings(), triage);
    const run = {
      files: merged.files,
      ignored: [],
      findings: merged.findings,
      history: { ...merged.history, previousRun: store.previousRunId() },
    };
    const summary = { ...runSummary(run), ignored: docs.reduce((n, d) => n + d.summary.ignored, 0) };
    const out = values.out ?? 'nianbao-out/discrepancies.csv';
    await writeOutputs(
      { out, json: values.json, html: values.html, onlyNew: values['only-new'] ?? false },
      { tool: 'nianbao', version: VERSION, summary, files: merged.files, findings: merged.findings, shard: null },
    );
    store.commitRun(
      {
        started,
        finished: new Date().toISOString(),
        version: VERSION,
        args: `merge ${argv.join(' ')}`,
        files: merged.files.length,
        findings: merged.findings.length,
        newFindings: merged.history.newCount,
        resolved: merged.history.resolved.length,
        triaged: merged.history.triaged,
      },
      freshFindings(merged.findings),
      merged.history.resolved,
    );
    if (!values.quiet) process.stderr.write(`${summaryLine(summary)}\nwrote ${out}\n`);
    return exitCodeFor(merged.findings, failOn);
  } finally {
    store.close();
  }
}
