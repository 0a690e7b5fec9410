import { readFile } from 'node:fs/promises';
import { writeAtomic } from '../output/atomic.js';
import { describeFailure, readReport } from '../pipeline.js';
import { say } from './lang.js';
import { CliError } from './usage.js';

export async function extractCommand(file: string, options: { out?: string }): Promise<number> {
  const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new CliError(say(`无法打开 ${file}：${e.code ?? e.message}`, `cannot open ${file}: ${e.code ?? e.message}`));
  });
  try {
    const report = await readReport(bytes, file);
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (options.out) await writeAtomic(options.out, json);
    else process.stdout.write(json);
    return 0;
  } catch (error) {
    process.stderr.write(`nianbao: ${file}: ${describeFailure(error)}\n`);
    return 2;
  }
}
