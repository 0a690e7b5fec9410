import * as OpenCC from 'opencc-js/t2cn';

/** Traditional → Simplified (Hong Kong and Taiwan variants too); built once, it is costly. */
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();
/** any character outside ASCII: only those can need converting */
const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * Traditional script folded to Simplified (開平市沙塘鎮 → 开平市沙塘镇), so that
 * patterns and word lists written once in Simplified read mirror sites too.
 * Converted once per distinct string: labels and headings repeat across a corpus.
 */
export function simplified(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const out = toSimplified(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}
