import { parseArgs } from 'node:util';
import { RULES } from '../audit/rules/index.js';

export function rulesCommand(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } });
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify(
        RULES.map(({ id, severity, description }) => ({ id, severity, description })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const width = Math.max(...RULES.map((r) => r.id.length));
  for (const r of RULES)
    process.stdout.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description.zh} — ${r.description.en}\n`);
  return 0;
}
