import { mergeShards, ShardInputs, type ShardHead } from '../nightly/merge.js';
import { readTriageFile } from '../nightly/side-files.js';
import { Spool } from '../nightly/spool.js';
import { onStop } from '../nightly/stop.js';
import { Store } from '../nightly/store.js';
import type { StoredFinding } from '../model/finding.js';
import { summaryLine } from '../output/summary.js';
import { VERSION } from '../model/version.js';
import { checkWritable, exitCodeForCounts, Outputs, runSummary, type OutputOptions } from './audit.js';
import { lang, say } from './lang.js';
import { CliError } from './usage.js';

export interface MergeOptions extends OutputOptions {
  db: string;
  triage?: string;
}

/** Every shard 1..N of one split, each once: a merge with a shard missing would report a partial corpus as whole. */
export function checkShards(paths: string[], docs: Pick<ShardHead, 'shard'>[]): void {
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

/** Every shard read into one temporary store, one after the other; a shard that cannot be read stops the merge. */
async function readShards(paths: string[], inputs: ShardInputs): Promise<ShardInputs> {
  try {
    for (const p of paths)
      await inputs.read(p).catch((error: NodeJS.ErrnoException) => {
        throw new CliError(
          say(
            `无法读取分片 ${p}：${error.code ?? error.message}`,
            `cannot read shard ${p}: ${error.code ?? error.message}`,
          ),
        );
      });
    return inputs;
  } catch (error) {
    inputs.remove();
    throw error;
  }
}

export async function mergeCommand(paths: string[], options: MergeOptions): Promise<number> {
  const started = new Date().toISOString();
  const inputs = new ShardInputs();
  const unregister = onStop(() => inputs.remove());
  try {
    await readShards(paths, inputs);
    return await mergeRead(paths, inputs, options, started);
  } finally {
    unregister();
    inputs.remove();
  }
}

async function mergeRead(
  paths: string[],
  inputs: ShardInputs,
  options: MergeOptions,
  started: string,
): Promise<number> {
  const docs = inputs.heads;
  checkShards(paths, docs);
  checkWritable(options);
  const side = options.triage ? await readTriageFile(options.triage) : null;
  const store = new Store(options.db, { exclusive: true });
  const outputs = new Outputs(options, false);
  // the new findings wait on disk for the commit
  const fresh = new Spool<StoredFinding>();
  const unspool = onStop(() => fresh.remove());
  try {
    const files = inputs.files();
    const give = outputs.start(inputs.factsOf(files));
    const { history, resolved } = await mergeShards(inputs, files, store, side?.triage ?? new Map(), give, fresh);
    const counts = {
      newCount: history.newCount,
      persisting: history.persisting,
      triaged: history.triaged,
      resolved: resolved.length,
      previousRun: store.previousRunId(),
    };
    const summary = {
      ...runSummary(files, history.tally, 0, counts),
      ignored: docs.reduce((n, d) => n + d.summary.ignored, 0),
      warnings: [...docs.flatMap((d) => d.summary.warnings ?? []), ...(side?.warnings ?? [])],
    };
    outputs.finish({ tool: 'nianbao', version: VERSION, summary, files, shard: null });
    store.commitRun(
      {
        started,
        finished: new Date().toISOString(),
        version: VERSION,
        args: process.argv.slice(2).join(' '),
        files: files.length,
        findings: history.count,
        newFindings: history.newCount,
        resolved: resolved.length,
        triaged: history.triaged,
      },
      fresh.read(),
      resolved,
    );
    if (!options.silent)
      process.stderr.write(
        `${summaryLine(summary, lang())}${options.out === '-' ? '' : `\n${say('已写入', 'wrote')} ${options.out}`}\n`,
      );
    const judged = options.quiet ? { ...history.open, warning: 0, info: 0 } : history.open;
    return exitCodeForCounts(judged, options.failOn, options.maxWarnings);
  } finally {
    outputs.abort();
    unspool();
    fresh.remove();
    store.close();
  }
}
