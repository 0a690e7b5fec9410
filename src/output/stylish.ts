import { styleText } from 'node:util';
import type { Finding } from '../model/finding.js';

const LABEL = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;
const COLOR = { error: 'red', warning: 'yellow', info: 'gray' } as const;

/** Columns on a terminal: CJK characters take two. */
const width = (s: string) => [...s].reduce((n, c) => n + ((c.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

/** ESLint's stylish layout: one block per file, one line per finding (place, severity, message, rule), then totals. */
export function stylish(findings: Finding[], options: { color: boolean; lang: 'zh' | 'en' }): string {
  const paint = (color: Parameters<typeof styleText>[0], s: string) => (options.color ? styleText(color, s) : s);
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push('', paint('underline', file));
    const where = list.map((f) => (f.page ? `p${f.page} ${f.location}` : f.location));
    const column = Math.min(48, Math.max(...where.map(width)));
    list.forEach((f, i) => {
      const severity = paint(COLOR[f.severity], pad(LABEL[options.lang][f.severity], 7));
      out.push(`  ${pad(where[i]!, column)}  ${severity}  ${f.message}  ${paint('dim', f.rule)}`);
    });
  }
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const total =
    options.lang === 'zh'
      ? `✖ ${findings.length} 条问题（错误 ${n('error')}，警告 ${n('warning')}，提示 ${n('info')}）`
      : `✖ ${findings.length} problems (${n('error')} errors, ${n('warning')} warnings, ${n('info')} info)`;
  if (findings.length) out.push('', paint('bold', total));
  return `${out.join('\n')}\n`;
}
