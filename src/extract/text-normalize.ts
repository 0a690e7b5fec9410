const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(
  `(?<=[${CJK}])[ \\t\\u00a0]+(?=[${CJK}0-9])|(?<=[${CJK}0-9])[ \\t\\u00a0]+(?=[${CJK}])`,
  'g',
);

/** Text as a reader sees it: runs of whitespace folded; spaces an extractor put between CJK characters removed. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u00a0\u2000-\u200b\u3000\ufeff]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(SPACE_BETWEEN_CJK, '')
    .trim();
}
