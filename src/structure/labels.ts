import { simplified } from '../model/script.js';
import type { LabelDef } from '../model/templates.js';

/** NFKC and Simplified script. */
export function foldScript(text: string): string {
  return simplified(text.normalize('NFKC'));
}

const NUMBERING = /^(?:第?[一二三四五六七八九十]+(?:部分)?|\d+)/;

/** Label text in the form template phrases are written in: NFKC, simplified, no whitespace or punctuation. */
export function normalizeLabel(text: string): string {
  return foldScript(text).replace(/[\s\p{P}\p{S}]/gu, '');
}

/** A label without its leading numbering (（七）总计 → 总计, 1.属于国家秘密 → 属于国家秘密). */
export function stripNumbering(normalized: string): string {
  return normalized.replace(NUMBERING, '');
}

/** How well `def` names a label: 0 = not at all; longer matching phrases score higher. */
export function labelScore(def: LabelDef, normalized: string): number {
  const bare = stripNumbering(normalized);
  if (def.exact?.includes(bare)) return 100;
  let best = 0;
  for (const p of def.phrases) if (normalized.includes(p)) best = Math.max(best, p.length);
  return best;
}

/** The one definition a label names, or null when none or several fit equally. */
export function matchLabel<T extends LabelDef>(
  defs: readonly T[],
  text: string,
  accept: (def: T) => boolean = () => true,
): T | null {
  const normalized = normalizeLabel(text);
  if (!normalized) return null;
  let best: T | null = null;
  let bestScore = 0;
  let tie = false;
  for (const def of defs) {
    if (!accept(def)) continue;
    const score = labelScore(def, normalized);
    if (score > bestScore) [best, bestScore, tie] = [def, score, false];
    else if (score > 0 && score === bestScore && def.key !== best?.key) tie = true;
  }
  return tie ? null : best;
}

export function containsAny(text: string, phrases: readonly string[]): boolean {
  const normalized = normalizeLabel(text);
  return phrases.some((p) => normalized.includes(p));
}
