import { mergeShards, readShard } from '../nightly/merge.js';
import type { FileFacts } from '../nightly/run.js';
import type { ShardDocument } from '../nightly/shard-output.js';
import { readTriageFile } from '../nightly/side-files.js';
import { newFindings } from '../nightly/history.js';
import { Store } from '../nightly/store.js';
import { SummaryTally, summaryLine } from '../output/summary.js';
import { VERSION } from '../model/version.js';
import { checkWritable, exitCodeFor, runSummary, writeOutputs, type OutputOptions } from './audit.js';
import { lang, say } from './lang.js';
import { CliError } from './usage.js';

export interface MergeOptions extends OutputOptions {
  db: string;
  triage?: string;
}

/** Every shard 1..N of one split, each once: a merge with a shard missing would report a partial corpus as whole. */
export function checkShards(paths: string[], docs: ShardDocument[]): void {
  const counts = new Set(docs.map((d) => d.shard?.count));
  if (counts.size !== 1 || docs.some((d) => !d.shard))
    throw new CliError(
      say(
        '这些分片不属于同一次拆分（--shard K/N 的 N 不同）',
        'the shards are not of one split (different N in --shard K/N)',
      ),
    );
  const count = docs[0]!.shard!.count;
  const seen = new Map<number, string>();
  docs.forEach((d, i) => {
    const twice = seen.get(d.shard!.index);
    if (twice)
      throw new CliError(
        say(
          `分片 ${d.shard!.index}/${count} 出现两次：${twice}、${paths[i]}`,
          `shard ${d.shard!.index}/${count} given twice: ${twice}, ${paths[i]}`,
        ),
      );
    seen.set(d.shard!.index, paths[i]!);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length)
    throw new CliError(
      say(
        `缺少分片：${missing.map((k) => `${k}/${count}`).join('、')}`,
        `missing shards: ${missing.map((k) => `${k}/${count}`).join(', ')}`,
      ),
    );
}

async function readShards(paths: string[]): Promise<ShardDocument[]> {
  return Promise.all(
    paths.map((p) =>
      readShard(p).catch((error: NodeJS.ErrnoException) => {
        throw new CliError(
          say(
            `无法读取分片 ${p}：${error.code ?? error.message}`,
            `cannot read shard ${p}: ${error.code ?? error.message}`,
          ),
        );
      }),
    ),
  );
}

export async function mergeCommand(paths: string[], options: MergeOptions): Promise<number> {
  const started = new Date().toISOString();
  const docs = await readShards(paths);
  checkShards(paths, docs);
  checkWritable(options);
  const side = options.triage ? await readTriageFile(options.triage) : null;
  const store = new Store(options.db, { exclusive: true });
  try {
    const merged = mergeShards(docs, store.openFindings(), side?.triage ?? new Map());
    const tally = new SummaryTally();
    for (const f of merged.findings) tally.add(f);
    const history = { ...merged.history, resolved: merged.history.resolved.length, previousRun: store.previousRunId() };
    const summary = {
      ...runSummary(merged.files, tally, 0, history),
      ignored: docs.reduce((n, d) => n + d.summary.ignored, 0),
      warnings: [...docs.flatMap((d) => d.summary.warnings ?? []), ...(side?.warnings ?? [])],
    };
    const facts = new Map<string, FileFacts>();
    for (const d of docs)
      for (const r of d.reports ?? [])
        facts.set(r.file, { path: r.file, url: null, agency: r.report.meta.agency, year: r.report.meta.year });
    await writeOutputs(
      options,
      { tool: 'nianbao', version: VERSION, summary, files: merged.files, shard: null },
      merged.findings,
      facts,
    );
    store.commitRun(
      {
        started,
        finished: new Date().toISOString(),
        version: VERSION,
        args: process.argv.slice(2).join(' '),
        files: merged.files.length,
        findings: merged.findings.length,
        newFindings: merged.history.newCount,
        resolved: merged.history.resolved.length,
        triaged: merged.history.triaged,
      },
      newFindings(merged.findings),
      merged.history.resolved,
    );
    if (!options.silent)
      process.stderr.write(
        `${summaryLine(summary, lang())}${options.out === '-' ? '' : `\n${say('已写入', 'wrote')} ${options.out}`}\n`,
      );
    const judged = options.quiet ? merged.findings.filter((f) => f.severity === 'error') : merged.findings;
    return exitCodeFor(judged, options.failOn, options.maxWarnings);
  } finally {
    store.close();
  }
}
