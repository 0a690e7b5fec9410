import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { writeAtomic } from '../output/atomic.js';
import { describeFailure, readReport } from '../pipeline.js';
import { UsageError } from './usage.js';

export async function extractCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('extract takes exactly one FILE');
  const file = positionals[0]!;
  const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot open ${file}: ${e.code ?? e.message}`);
  });
  try {
    const report = await readReport(bytes, file);
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (values.out) await writeAtomic(values.out, json);
    else process.stdout.write(json);
    return 0;
  } catch (error) {
    process.stderr.write(`nianbao: ${file}: ${describeFailure(error)}\n`);
    return 2;
  }
}
