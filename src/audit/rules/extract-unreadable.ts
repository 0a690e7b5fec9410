/**
 * extract/unreadable — the file cannot be parsed at all: empty, corrupt,
 * encrypted, a scan without a text layer, garbled text, an unsupported format,
 * or it exceeded the time or memory limit. Raised by the pipeline, not by a
 * check over a report; the run goes on with the next file.
 *
 * @ok
 * 一、总体情况
 *
 * @not-ok 文件
 */
import type { Rule, RuleFinding } from '../rule.js';

export const rule: Rule = {
  id: 'extract/unreadable',
  severity: 'error',
  description: {
    zh: '文件无法解析（损坏、加密、扫描件无文字层、乱码等）',
    en: 'the file cannot be parsed, has no text layer, or its text is garbled',
  },
  check: () => [],
};

export function unreadableFinding(reason: string): RuleFinding {
  return { location: '文件', actual: reason, message: `文件无法读取：${reason}。` };
}
