import type { LabelDef } from '../model/templates.js';

/** Traditional forms that occur in template labels on mirror sites (公開 → 公开). */
const TRADITIONAL =
  '開开請请數数與与業业機机構构會会織织務务計计結结轉转處处護护權权執执詢询項项規规範范發发廢废現现許许罰罚強强費费採采購购額额複复議议訟讼維维糾纠審审總总況况題题進进報报說说類类過过國国確确認认獲获補补應应製制訴诉決决體体動动無无為为個个門门關关於于經经節节錄录單单屬属據据繳缴納纳舉举訪访復复對对實实際际統统條条區区縣县鎮镇鄉乡廳厅東东辦办義义衛卫營营濟济資资環环財财稅税來来學学術术歷历餘余當当時时間间從从並并屆届場场協协廣广長长證证書书寫写務务將将據据產产權权層层級级內内礙碍護护齊齐頁页';
const FOLD = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) FOLD.set(TRADITIONAL[i]!, TRADITIONAL[i + 1]!);

const NUMBERING = /^(?:第?[一二三四五六七八九十]+(?:部分)?|\d+)/;

/** Label text in the form template phrases are written in: NFKC, simplified, no whitespace or punctuation. */
export function normalizeLabel(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) out += FOLD.get(ch) ?? ch;
  return out.replace(/[\s\p{P}\p{S}]/gu, '');
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
