/**
 * Who published a report, as data: the level its name shows (for the deadline
 * of 《条例》第四十九条) and a key that meets the same agency's reports across
 * years. A name seen in the wild that reads wrong is one more ending here.
 */
import { simplified } from './script.js';

export const AGENCY_LEVELS = ['township', 'government', 'department'] as const;
/**
 * township: 乡镇人民政府、街道办事处 (their reports go to the county's);
 * government: a 县级以上人民政府's own report, or a region named alone (「X市2025年…」);
 * department: a 部门, even one under the government's name (人民政府外事办公室, and
 * 人民政府办公厅/办公室 reporting on its own work).
 */
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** Name endings by level, tried in order on the folded name without brackets: the first that fits decides. */
export const LEVEL_ENDINGS: { level: AgencyLevel; ending: RegExp }[] = [
  { level: 'township', ending: /(?:乡|镇|街道|苏木)(?:人民政府|政府|办事处)?$|街道办(?:事处)?$/ },
  /** a zone governs itself: 平潭综合实验区, XX经济技术开发区管委会 */
  {
    level: 'government',
    ending: /(?:实验区|新区|开发区|示范区|高新区|园区|合作区|保税区|自贸区)(?:管委会|管理委员会)?$/,
  },
  {
    level: 'department',
    ending: /(?:局|委|委员会|办|办公室|办公厅|厅|部|中心|署|院|所|站|队|馆|处|科|会|室|社|集团|公司)$/,
  },
  { level: 'government', ending: /(?:人民政府|政府|省|自治区|市|自治州|州|地区|盟|区|县|旗)$/ },
];

/**
 * How a report calls its own agency when it does not name it: 「我局」 is a
 * department, 「我镇」 a township. 「我区」 is not here: a district's departments
 * say it of the district too.
 */
export const SELF_REFERENCE: { level: AgencyLevel; words: RegExp }[] = [
  { level: 'township', words: /(?:我|本)(?:镇|乡|街道|街办|街道办)(?![长])/ },
  { level: 'department', words: /(?:我|本)(?:局|委|办|厅|中心|院|署|分局|支队|大队)(?![长])/ },
];

/** A leading region of a name: 淮安市 in 淮安市洪泽区人民政府; never a department word (公安局滨江区分局). */
const REGION =
  /^(?:[^局委办厅部处科院所站队会府室心司社馆]{2,8}?(?:自治区|自治州|自治县|地区|省|市|州|盟|区|县|旗)|[^局委办厅部处科院所站队会府室心司社馆]县)/;
const REGION_ALONE = /(?:自治区|自治州|自治县|地区|省|市|州|盟|区|县|旗)$/;

/** The name as printed, folded: NFKC, Simplified, no brackets' contents, spaces or punctuation. */
export function bareAgency(name: string): string {
  return simplified(name.normalize('NFKC'))
    .replace(/[(（〔[][^)）〕\]]*[)）〕\]]/g, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

export function agencyLevel(name: string | null): AgencyLevel | null {
  if (!name) return null;
  const bare = bareAgency(name);
  return LEVEL_ENDINGS.find((l) => l.ending.test(bare))?.level ?? null;
}

/**
 * The agency as a matching key: 洪泽区政府, 洪泽区人民政府 and 洪泽区 (its own
 * report) are one government; 某市 人力资源和社会保障局（本级） is 某市人力资源和社会保障局.
 */
export function agencyKey(name: string): string {
  const bare = bareAgency(name);
  if (agencyLevel(bare) !== 'government') return bare;
  if (/(?<!人民)政府$/.test(bare)) return bare.replace(/政府$/, '人民政府');
  return REGION_ALONE.test(bare) ? `${bare}人民政府` : bare;
}

/** A key without the parent regions it names before its own: 淮安市洪泽区人民政府 → 洪泽区人民政府. */
export function withoutParentRegions(key: string): string {
  let rest = key;
  for (;;) {
    const parent = REGION.exec(rest)?.[0];
    if (!parent || !REGION.test(rest.slice(parent.length))) return rest;
    rest = rest.slice(parent.length);
  }
}

/** A key without any region it begins with: 绵阳市卫生健康委 → 卫生健康委; '' when it is a region alone. */
export function withoutRegions(key: string): string {
  let rest = key;
  for (let parent = REGION.exec(rest)?.[0]; parent; parent = REGION.exec(rest)?.[0]) rest = rest.slice(parent.length);
  return rest;
}
