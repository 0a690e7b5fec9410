/**
 * One page per rule under docs/rules/ and the README's rule table, both
 * written from the rules themselves (id, severity, description) and their
 * header comments (what they check, how to act, examples), so that no copy
 * is kept by hand. Run: npm run docs:rules. test/audit/rule-docs.test.ts
 * fails when the committed pages or table drift from what this writes.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../src/audit/rules/index.js';
import type { Rule } from '../src/audit/rule.js';
import { type Example, parseRuleHeader, type RuleHeader } from './rule-headers.js';

const ROOT = join(import.meta.dirname, '..');
const RULES_DIR = 'src/audit/rules';
export const DOCS_DIR = 'docs/rules';
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

/** applications/balance → applications-balance: the rule's file name and its page's. */
const slug = (id: string) => id.replace('/', '-');

function headerOf(rule: Rule): RuleHeader {
  const file = join(ROOT, RULES_DIR, `${slug(rule.id)}.ts`);
  const header = parseRuleHeader(readFileSync(file, 'utf8'));
  if (header.id !== rule.id) throw new Error(`${file} documents ${header.id}, not ${rule.id}`);
  if (!header.act) throw new Error(`${file} has no @act paragraph: say how to act on a finding`);
  return header;
}

const severityOf = (rule: Rule, header: RuleHeader) => header.severity ?? rule.severity;

const EXAMPLE_INTRO: Record<Example['kind'], (e: Example) => string> = {
  previous: () => 'The same agency’s report for the year before:',
  ok: () => 'A report the rule passes:',
  'not-ok': (e) => `A report the rule flags${e.location ? `, at \`${e.location}\`` : ''}:`,
};

function examplesSection(examples: Example[]): string[] {
  return examples.flatMap((e) => [EXAMPLE_INTRO[e.kind](e), '', '```text', e.text.trim(), '```', '']);
}

function page(rule: Rule, header: RuleHeader): string {
  return [
    `<!-- Written by npm run docs:rules from ${RULES_DIR}/${slug(rule.id)}.ts: edit the rule's header, not this page. -->`,
    '',
    `# \`${rule.id}\``,
    '',
    `- severity: ${severityOf(rule, header)}`,
    `- 说明: ${rule.description.zh}`,
    `- description: ${rule.description.en}`,
    '',
    '## What it checks',
    '',
    header.prose,
    '',
    '## How to act on it',
    '',
    header.act!,
    '',
    '## Examples',
    '',
    ...examplesSection(header.examples),
  ].join('\n');
}

/** Every rule's page, by file name under docs/rules/. */
export function ruleDocs(): Map<string, string> {
  return new Map(RULES.map((rule) => [`${slug(rule.id)}.md`, page(rule, headerOf(rule))]));
}

function ruleTable(): string {
  const rows = RULES.map((rule) => {
    const header = headerOf(rule);
    return `| [\`${rule.id}\`](${DOCS_DIR}/${slug(rule.id)}.md) | ${severityOf(rule, header)} | ${rule.description.en} |`;
  });
  return ['| id | severity | checks |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The README with its rule table, between the markers, as this script writes it. */
export function withRuleTable(readme: string): string {
  const [start, end] = [readme.indexOf(START), readme.indexOf(END)];
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${ruleTable()}\n${readme.slice(end)}`;
}

function main(): void {
  const dir = join(ROOT, DOCS_DIR);
  mkdirSync(dir, { recursive: true });
  const docs = ruleDocs();
  for (const name of readdirSync(dir)) if (!docs.has(name)) rmSync(join(dir, name));
  for (const [name, text] of docs) writeFileSync(join(dir, name), text);
  const readme = join(ROOT, 'README.md');
  writeFileSync(readme, withRuleTable(readFileSync(readme, 'utf8')));
  console.log(`wrote ${docs.size} pages to ${DOCS_DIR}/ and the README's rule table`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
