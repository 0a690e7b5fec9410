import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 't', to: 'cn' });
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Traditional script folded to Simplified (開平市沙塘鎮 → 开平市沙塘镇), so that
 * patterns and word lists written once in Simplified read mirror sites too.
 */
export function simplified(text: string): string {
  return ASCII_ONLY.test(text) ? text : toSimplified(text);
}
