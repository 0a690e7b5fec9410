import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULES } from '../audit/rules/index.js';
import type { Rule } from '../audit/rule.js';
import { lang, say } from './lang.js';
import { CliError } from './usage.js';

/** A rule's header comment, as written above its code: the same text docs/rules/<id>.md is generated from. */
export function ruleHeader(id: string): string {
  const name = id.replace('/', '-');
  // the built file first; tsc drops a header that sits on an erased type-only import, so then the source (dist/../src)
  const files = [`../audit/rules/${name}.js`, `../audit/rules/${name}.ts`, `../../src/audit/rules/${name}.ts`]
    .map((f) => fileURLToPath(new URL(f, import.meta.url)))
    .filter(existsSync);
  const source = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  const comments = [...source.matchAll(/\/\*\*([\s\S]*?)\*\//g)].map((m) =>
    m[1]!
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n')
      .trim(),
  );
  return comments.find((c) => c.startsWith(`${id} —`)) ?? '';
}

/** What the rule checks and why (the header's prose), then its ok and not-ok examples. */
export function explain(rule: Rule): string {
  const header = ruleHeader(rule.id);
  const [prose, ...examples] = header.split(/^(?=@(?:ok|not-ok|previous)\b)/m);
  const label = (kind: string) =>
    ({
      '@ok': say('不报告的示例', 'passes'),
      '@not-ok': say('报告的示例，位置', 'reported, at'),
      '@previous': say('上一年度的报告', 'previous year'),
    })[kind] ?? kind;
  const blocks = examples.map((block) => {
    const [first, ...rest] = block.split('\n');
    const [kind, ...where] = first!.trim().split(/\s+/);
    return `${label(kind!)}${where.length ? ` ${where.join(' ')}` : ''}:\n${rest
      .map((l) => `    ${l}`)
      .join('\n')
      .trimEnd()}`;
  });
  const head = [
    `${rule.id}  (${say('默认级别', 'default severity')}: ${rule.severity})`,
    lang() === 'zh' ? rule.description.zh : rule.description.en,
    '',
    prose!.replace(/^\S+\s+—\s+/, '').trim(),
    '',
    say(
      '如何处理：打开 file 列的文件，到 location（以及 page）所指之处核对 expected 与 actual；属实则联系发布机关更正，否则在 nianbao-triage.csv 中按 fingerprint 记录结论（decision,note）。在 nianbao.config.json 的 "rules" 中可设为 "off" 或改为其他级别。',
      'How to act: open the file, check expected against actual at the location (and page); if it holds, ask the agency to correct it, otherwise record a decision for its fingerprint in nianbao-triage.csv. In nianbao.config.json "rules" it can be set to "off" or another severity.',
    ),
  ];
  return `${[...head, '', ...blocks].join('\n')}\n`;
}

export function rulesCommand(options: { json?: boolean; explain?: string }): number {
  if (options.explain) {
    const rule = RULES.find((r) => r.id === options.explain);
    if (!rule) {
      const near = RULES.filter((r) => r.id.includes(options.explain!.split('/').pop() ?? '')).map((r) => r.id);
      throw new CliError(
        say(
          `没有规则 ${options.explain}${near.length ? `（您是不是要找 ${near.join('、')}？）` : '；nianbao rules 列出全部规则'}`,
          `no rule ${options.explain}${near.length ? ` (did you mean ${near.join(', ')}?)` : '; nianbao rules lists them'}`,
        ),
      );
    }
    if (options.json) {
      const { id, severity, description } = rule;
      process.stdout.write(`${JSON.stringify({ id, severity, description, header: ruleHeader(id) }, null, 2)}\n`);
    } else process.stdout.write(explain(rule));
    return 0;
  }
  if (options.json) {
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
