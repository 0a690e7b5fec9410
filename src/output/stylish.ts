import { styleText } from 'node:util';
import type { Finding } from '../model/finding.js';
import { sinkText, type Sink } from './sink.js';

const LABEL = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;
const COLOR = { error: 'red', warning: 'yellow', info: 'gray' } as const;

/** Columns on a terminal: CJK characters take two. */
const width = (s: string) => [...s].reduce((n, c) => n + ((c.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

type Paint = (color: Parameters<typeof styleText>[0], s: string) => string;

function block(file: string, list: Finding[], paint: Paint, lang: 'zh' | 'en'): string[] {
  const out = ['', paint('underline', file)];
  const where = list.map((f) => (f.page ? `p${f.page} ${f.location}` : f.location));
  const column = Math.min(48, Math.max(...where.map(width)));
  list.forEach((f, i) => {
    const severity = paint(COLOR[f.severity], pad(LABEL[lang][f.severity], 7));
    out.push(`  ${pad(where[i]!, column)}  ${severity}  ${f.message}  ${paint('dim', f.rule)}`);
  });
  return out;
}

/**
 * ESLint's stylish layout: one block per file, one line per finding (place,
 * severity, message, rule), then totals. As a sink it holds one file's
 * findings at a time: a run's findings arrive file by file.
 */
export function stylishSink(options: { color: boolean; lang: 'zh' | 'en' }): Sink<Finding> {
  const paint: Paint = (color, s) => (options.color ? styleText(color, s) : s);
  const counts = { error: 0, warning: 0, info: 0 };
  let file: string | null = null;
  let list: Finding[] = [];
  let started = false;
  const flush = () => {
    if (file === null) return '';
    const lines = block(file, list, paint, options.lang);
    const text = (started ? '\n' : '') + lines.join('\n');
    started = true;
    file = null;
    list = [];
    return text;
  };
  return {
    head: () => '',
    row: (f) => {
      counts[f.severity]++;
      const text = f.file === file ? '' : flush();
      file = f.file;
      list.push(f);
      return text;
    },
    tail: () => {
      const total = counts.error + counts.warning + counts.info;
      const line =
        options.lang === 'zh'
          ? `✖ ${total} 条问题（错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}）`
          : `✖ ${total} problems (${counts.error} errors, ${counts.warning} warnings, ${counts.info} info)`;
      const last = flush();
      return `${last}${total ? `${started ? '\n' : ''}\n${paint('bold', line)}` : ''}\n`;
    },
  };
}

/** The whole layout at once; findings of one file must be consecutive (a run's always are). */
export function stylish(findings: Finding[], options: { color: boolean; lang: 'zh' | 'en' }): string {
  return sinkText(stylishSink(options), findings);
}
