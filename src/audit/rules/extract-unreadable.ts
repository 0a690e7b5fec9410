/**
 * extract/unreadable — the file cannot be parsed at all: empty, corrupt,
 * encrypted, a scan without a text layer, garbled text, an unsupported format,
 * or it exceeded the time or memory limit. Raised by the pipeline, not by a
 * check over a report; the run goes on with the next file.
 *
 * @act Open the file. A scan needs text recognition (OCR) or the publisher's
 * text version; a damaged or truncated file, a fresh download; an encrypted
 * one, an unprotected copy. A file over the time or memory limit can be
 * retried with a higher --timeout or --max-memory.
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
