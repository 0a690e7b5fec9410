/**
 * What the narrative of an annual report says in numbers, as data: which words
 * name which table place, which words make a number incomparable. The
 * extractor in src/audit/narrative reads these lists; a phrasing seen in the wild is
 * one more entry here, never one more `if` there.
 *
 * Patterns run on text whose digits are already half-width, with the
 * report's own punctuation (，、；：) kept.
 */
import { place } from './places.js';
import type { AgencyLevel } from './agencies.js';
import type { OutcomeGroup } from './templates.js';

/** What a count in the text is about, before a subject is chosen. */
export type TopicKey =
  | 'applications'
  | 'review'
  | 'litigation'
  | 'regulations'
  | 'normative'
  | 'licensing'
  | 'penalty'
  | 'coercion'
  | 'fees'
  /** topics no table counts: a subject that needs a table topic never matches under them */
  | 'disclosure'
  | 'interaction'
  | 'proposals'
  | 'events';

/** The last topic named before a number decides what the number counts. */
export const TOPICS: { key: TopicKey; pattern: RegExp }[] = [
  { key: 'review', pattern: /行政复议(?:申请)?/g },
  { key: 'litigation', pattern: /行政诉讼|提起诉讼|(?:直接)?起诉/g },
  {
    key: 'applications',
    pattern: /依申请公开|(?:政府)?信息公开(?:的)?申请|公开申请|申请公开|(?<!复议|许可|诉讼|强制|处罚)申请(?:人)?/g,
  },
  { key: 'regulations', pattern: /规章/g },
  { key: 'normative', pattern: /规范性文件/g },
  { key: 'licensing', pattern: /行政许可/g },
  { key: 'penalty', pattern: /行政处罚/g },
  { key: 'coercion', pattern: /行政强制/g },
  { key: 'fees', pattern: /行政事业性收费/g },
  { key: 'disclosure', pattern: /主动公开|发布(?:各类)?信息|公开(?:各类)?信息|发布|更新|转载|推送|公示/g },
  { key: 'interaction', pattern: /留言|咨询|信箱|热线|回复|来电|来信|访谈|回应/g },
  { key: 'proposals', pattern: /建议|提案/g },
  { key: 'events', pattern: /会议|培训|发布会|解读|检查|督查/g },
];

export type CountUnit = '件' | '条' | '份' | '宗' | '起' | '次';
/** Units that count documents or cases (「收到申请12条」「申请书55份」「3宗」「行政复议36起」 all count). */
export const COUNT_UNITS: readonly string[] = ['件', '条', '份', '宗', '起', '次'];
export const MONEY_UNITS: readonly string[] = ['元', '万元'];
/** Every unit a number in the prose is read with; longer first so 人次 is not read as 次. */
export const UNITS = [
  '人次',
  '万元',
  '件',
  '条',
  '份',
  '宗',
  '起',
  '次',
  '个',
  '项',
  '%',
  '元',
  '年',
  '月',
  '日',
  '家',
  '篇',
  '期',
  '场',
  '人',
  '名',
  '天',
  '页',
] as const;

/** Where a subject's number sits in the tables; several targets are added up. */
export type Target =
  | { table: 'applications'; rows: string[]; columns: string[] }
  | { table: 'applications'; group: OutcomeGroup; columns: string[] }
  | { table: 'reviewLitigation'; groups: string[]; column: string }
  | { table: 'activeDisclosure'; sub: string; row: string; column: { '2019': string | null; '2021': string | null } };

/** One reading of a subject: the targets whose sum the number should equal, and how to name them. */
export interface Reading {
  targets: Target[];
  /** how a location names the reading (model/places.ts builds it): 表三/一、本年新收/总计 */
  name: string;
}

export interface SubjectDef {
  key: string;
  /** topics under which the cue means this subject; null = a sentence that names no topic yet */
  topics: (TopicKey | null)[];
  /** tried on the words just before the number */
  cue: RegExp;
  /** words that make the cue mean something else (按时办结 is not 办结) */
  unless?: RegExp;
  /** subjects this one includes, so that 予以公开及部分公开 is not also 予以公开 */
  supersedes?: string[];
  /** every reading the words allow; the number contradicts the table only if it fits none */
  readings: Reading[];
  /** a sentence condition under which other readings apply */
  variants?: { when: RegExp; readings: Reading[] }[];
  /** an applicant breakdown whose row is the row of the claim it details */
  applicant?: string[];
  money?: boolean;
}

const TOTAL = ['total'];
const OTHER_APPLICANTS = ['commercial', 'research', 'social_welfare', 'legal_services', 'other_org'];
const apps = (rows: string[]): Reading => ({
  targets: [{ table: 'applications', rows, columns: TOTAL }],
  name: place.applicationSum(rows, 'total'),
});
const group = (g: OutcomeGroup): Reading => ({
  targets: [{ table: 'applications', group: g, columns: TOTAL }],
  name: place.outcomeGroupCell(g, 'total'),
});
const review = (groups: string[], column: string): Reading => ({
  targets: [{ table: 'reviewLitigation', groups, column }],
  name: place.reviewSum(groups, column),
});
/** named by the 2021 format's labels, also where a 2019 report is read */
const active = (sub: string, row: string, c2019: string | null, c2021: string): Reading => ({
  targets: [{ table: 'activeDisclosure', sub, row, column: { '2019': c2019, '2021': c2021 } }],
  name: place.activeCell('2021', sub, row, c2021),
});

const NEW = apps(['new_received']);
const NEW_AND_CARRIED = apps(['new_received', 'carried_over']);
/** 「含上年结转」「其中上年结转」: the stated total includes last year's cases */
const INCLUDES_CARRIED = /(?:含|包括|包含|其中)[^。]{0,8}上(?:一)?年度?(?:结转|转结)/;
const LITIGATION = ['litigation_direct', 'litigation_after_review'];
const APP_TOPICS: (TopicKey | null)[] = ['applications'];
const OUTCOME_TOPICS: (TopicKey | null)[] = ['applications', null];

export const SUBJECTS: SubjectDef[] = [
  { key: 'new_received', topics: [...APP_TOPICS, null], cue: /新收|新受理/, readings: [NEW] },
  {
    key: 'received',
    topics: APP_TOPICS,
    cue: /收到|受理|接收|接到|共有|登记/,
    unless: /新收|结转|转结/,
    readings: [NEW, NEW_AND_CARRIED],
    variants: [{ when: INCLUDES_CARRIED, readings: [NEW_AND_CARRIED] }],
  },
  {
    key: 'carried_over',
    topics: [...APP_TOPICS, null],
    cue: /上(?:一)?年度?(?:结转|转结)|往年结转/,
    readings: [apps(['carried_over'])],
  },
  {
    key: 'total_processed',
    topics: APP_TOPICS,
    cue: /办结|答复|办理完毕|处理完毕|已办理/,
    unless: /按时|按期|逾期|超期|延期|延长|当场|当日|尚未|未办结|正在/,
    readings: [apps(['total_processed'])],
  },
  {
    key: 'carried_forward',
    topics: [...APP_TOPICS, null],
    cue: /结转(?:至|到|入)?下(?:一)?年|转结下年|转入下年|下年度?继续办理/,
    readings: [apps(['carried_forward'])],
  },
  {
    key: 'granted_or_partial',
    topics: OUTCOME_TOPICS,
    cue: /(?:予以|同意)?公开(?:及|和|与|、|或)部分公开|全部或部分公开|全部公开(?:及|和|、)部分公开/,
    supersedes: ['granted', 'partially_granted'],
    readings: [apps(['granted', 'partially_granted'])],
  },
  {
    key: 'granted',
    topics: OUTCOME_TOPICS,
    cue: /予以公开|同意公开|全部公开/,
    readings: [apps(['granted'])],
  },
  {
    key: 'partially_granted',
    topics: OUTCOME_TOPICS,
    cue: /部分公开/,
    readings: [apps(['partially_granted'])],
  },
  { key: 'denied', topics: OUTCOME_TOPICS, cue: /不予公开/, readings: [group('denied')] },
  { key: 'unavailable', topics: OUTCOME_TOPICS, cue: /无法提供/, readings: [group('unavailable')] },
  { key: 'rejected', topics: OUTCOME_TOPICS, cue: /不予处理/, readings: [group('rejected')] },
  { key: 'other_handling', topics: OUTCOME_TOPICS, cue: /其他处理/, readings: [group('other')] },
  {
    key: 'unavailable_not_held',
    topics: OUTCOME_TOPICS,
    cue: /不掌握/,
    readings: [apps(['unavailable_not_held'])],
  },
  {
    key: 'denied_state_secret',
    topics: OUTCOME_TOPICS,
    cue: /国家秘密/,
    readings: [apps(['denied_state_secret'])],
  },
  {
    key: 'denied_third_party',
    topics: OUTCOME_TOPICS,
    cue: /第三方/,
    readings: [apps(['denied_third_party'])],
  },
  {
    key: 'denied_process_info',
    topics: OUTCOME_TOPICS,
    cue: /过程性/,
    readings: [apps(['denied_process_info'])],
  },
  {
    key: 'unavailable_needs_creation',
    topics: OUTCOME_TOPICS,
    cue: /另行制作/,
    readings: [apps(['unavailable_needs_creation'])],
  },
  {
    key: 'rejected_petition',
    topics: OUTCOME_TOPICS,
    cue: /信访|举报投诉/,
    readings: [apps(['rejected_petition'])],
  },
  {
    key: 'rejected_duplicate',
    topics: OUTCOME_TOPICS,
    cue: /重复申请/,
    readings: [apps(['rejected_duplicate'])],
  },
  { key: 'natural_person', topics: APP_TOPICS, cue: /自然人/, applicant: ['natural_person'], readings: [] },
  {
    key: 'organisations',
    topics: APP_TOPICS,
    cue: /法人(?:或|和|及)?(?:其他)?组织|法人/,
    applicant: OTHER_APPLICANTS,
    readings: [],
  },
  {
    key: 'review_and_litigation',
    topics: ['review', 'litigation'],
    cue: /行政复议(?:和|及|与|、|或)行政诉讼/,
    unless: /维持|纠正|纠错|审结|撤销|驳回/,
    supersedes: ['review', 'litigation'],
    readings: [review(['review', ...LITIGATION], 'total')],
  },
  {
    key: 'review',
    topics: ['review'],
    cue: /行政复议/,
    unless: /维持|纠正|纠错|审结|撤销|驳回|撤回|终止/,
    readings: [review(['review'], 'total')],
  },
  {
    key: 'litigation_after_review',
    topics: ['litigation', 'review'],
    cue: /复议后(?:提起)?(?:行政)?(?:诉讼|起诉)/,
    unless: /维持|纠正|纠错|审结|撤销|驳回|撤回|终止/,
    supersedes: ['litigation', 'review'],
    readings: [review(['litigation_after_review'], 'total')],
  },
  {
    key: 'litigation',
    topics: ['litigation'],
    cue: /行政诉讼|起诉|诉讼/,
    unless: /维持|纠正|纠错|审结|撤销|驳回|撤回|终止|败诉|胜诉/,
    readings: [review(LITIGATION, 'total')],
  },
  {
    key: 'regulations.issued',
    topics: ['regulations'],
    cue: /制发|制定|出台|印发/,
    readings: [active('art20_1', 'regulations', 'newly_made', 'issued')],
  },
  {
    key: 'regulations.repealed',
    topics: ['regulations'],
    cue: /废止/,
    readings: [active('art20_1', 'regulations', null, 'repealed')],
  },
  {
    key: 'regulations.in_force',
    topics: ['regulations'],
    cue: /现行有效/,
    readings: [active('art20_1', 'regulations', null, 'in_force')],
  },
  {
    key: 'normative.issued',
    topics: ['normative'],
    cue: /制发|制定|出台|印发/,
    readings: [active('art20_1', 'normative_documents', 'newly_made', 'issued')],
  },
  {
    key: 'normative.repealed',
    topics: ['normative'],
    cue: /废止/,
    readings: [active('art20_1', 'normative_documents', null, 'repealed')],
  },
  {
    key: 'normative.in_force',
    topics: ['normative'],
    cue: /现行有效/,
    readings: [active('art20_1', 'normative_documents', null, 'in_force')],
  },
  {
    key: 'licensing.decisions',
    topics: ['licensing'],
    cue: /处理决定|决定|办结|办理|作出|审批/,
    unless: /受理|申请|事项|清单|目录/,
    readings: [active('art20_5', 'licensing', 'decisions', 'decisions')],
  },
  {
    key: 'penalty.decisions',
    topics: ['penalty'],
    cue: /处理决定|决定|办结|办理|作出|实施/,
    unless: /立案|受理|事项|清单|目录/,
    readings: [active('art20_6', 'penalty', 'decisions', 'decisions')],
  },
  {
    key: 'coercion.decisions',
    topics: ['coercion'],
    cue: /处理决定|决定|办结|办理|作出|实施|采取/,
    unless: /立案|受理|事项|清单|目录/,
    readings: [active('art20_6', 'coercion', 'decisions', 'decisions')],
  },
  {
    key: 'fees.amount',
    topics: ['fees'],
    cue: /收费|收取|征收/,
    money: true,
    readings: [active('art20_8', 'fees', null, 'amount')],
  },
];

/** Words before a number that make it something other than a plain count of this year. */
export const NOT_A_COUNT: { reason: string; pattern: RegExp }[] = [
  {
    reason: 'change',
    pattern: /增加|减少|增长|下降|同比|较上年|较去年|比上年|比去年|多于|少于|提高|降低|上升|增幅|降幅|环比|较\d{4}年/,
  },
  { reason: 'approximate', pattern: /约|近|超过|逾|累计|平均|每|至少|不少于|不足/ },
];
/**
 * Words that make a count someone else's than the reporting agency's, or about
 * something other than what the tables count, so it is left alone:
 * - one office of several: 「区政府办代表区政府受理政府信息公开申请17件」 (表三 counts 95
 *   for the whole government); 「其中区财政局受理…」; 「本级」; 「各部门」. Words that
 *   name a unit of the agency apply to governments and townships only: a
 *   department's 「本单位」 is the department itself.
 * - documents reviewed for their 公开属性 and how they were classed: 「审查公文120件，
 *   其中主动公开100件、不予公开5件」 is not 表三's 不予公开; it only voids readings of 表三.
 * `scope`: the clause the number stands in, the words since the previous number
 * (lead: 「共受理95件，其中区政府办受理17件」), or the whole sentence.
 */
export const OTHER_SUBJECTS: {
  reason: string;
  scope: 'clause' | 'lead' | 'sentence';
  pattern: RegExp;
  /** the agency levels the words narrow; absent = every level (null = a level not known) */
  levels?: (AgencyLevel | null)[];
  /** the tables whose readings the words void; absent = every table */
  tables?: ('applications' | 'reviewLitigation' | 'activeDisclosure')[];
}[] = [
  { reason: 'one office of several', scope: 'clause', pattern: /代表|代为/ },
  {
    reason: 'one office of several',
    scope: 'lead',
    pattern: /其中[，,：:]?[^，,。；;：:\d]{1,14}?(?:局|办|委|厅|部门|单位|中心|分局|乡镇|街道|镇|乡)(?!申请|事项)/,
  },
  {
    reason: 'one office of several',
    scope: 'clause',
    pattern:
      /本级|本单位|本机关|(?:区|县|市|州|旗|盟|镇|乡)政府办(?:公室)?|政府办公(?:室|厅)|党政办|(?:各|\d+个)(?:部门|单位|科室|处室|乡镇|街道|镇)/,
    levels: ['government', 'township', null],
  },
  {
    reason: 'documents, not applications',
    scope: 'sentence',
    pattern:
      /公开属性|(?:公文|文件|稿件)[^。；;，,\d]{0,8}(?:审查|审核|清理|梳理|认定|标注)|(?:审查|审核|清理|梳理|认定|标注)[^。；;，,\d]{0,8}(?:公文|文件|稿件)/,
    tables: ['applications'],
  },
];

/** written after a number: 「12件左右」「100余条」 */
export const APPROXIMATE_AFTER = /^(?:余|多|左右|以上|以下|以内)/;

/** Sentences that deny a topic happened at all: 「没有收到…申请」「未发生…行政复议、行政诉讼」. */
export const ZERO_CLAIMS: { pattern: RegExp; subjects: { topic: TopicKey; subject: string }[] }[] = [
  {
    pattern:
      /(?:没有|未|无)(?:收到|接到|受理|接收)[^。；;，,\d]{0,20}?(?:政府)?信息公开(?:的)?申请|(?:没有|未|无)(?:收到|接到|受理|接收)[^。；;，,\d]{0,4}?(?:依)?申请(?:公开)?|依申请公开[^。；;，,\d]{0,6}[：:]\s*无(?=[。；;，,]|$)/,
    subjects: [{ topic: 'applications', subject: 'new_received' }],
  },
  {
    pattern:
      /(?:没有|未|无)(?:发生|出现|涉及|收到|产生|被)?[^。；;，,\d维纠败]{0,24}?行政复议[^。；;，,\d]{0,3}?(?:(?:和|及|与|、|或)(?:提起|被提起)?行政诉讼)?|行政复议[^。；;，,\d]{0,8}[：:]\s*无(?=[。；;，,]|$)/,
    subjects: [{ topic: 'review', subject: 'review' }],
  },
  {
    pattern:
      /(?:没有|未|无)(?:发生|出现|涉及|产生|被)?[^。；;，,\d维纠败]{0,24}?(?:行政诉讼|提起诉讼)|行政诉讼[^。；;，,\d]{0,8}[：:]\s*无(?=[。；;，,]|$)/,
    subjects: [{ topic: 'litigation', subject: 'litigation' }],
  },
];
/** A zero claim is void when the same clause goes on about outcomes: 「未发生行政复议纠错」 is about corrections. */
export const ZERO_VOID = /维持|纠正|纠错|败诉|撤销|驳回|变更|确认违法|\d/;

/** Statements about 表四 outcomes: each one names cells that must be 0. */
export const OUTCOME_CLAIMS: { key: string; pattern: RegExp; columns: string[]; wording: string }[] = [
  {
    key: 'all-upheld',
    pattern: /均(?:获|被|予以|已|为)?(?:依法)?维持|全部(?:获|被|予以)?(?:依法)?维持|均胜诉|全部胜诉/,
    columns: ['corrected', 'pending'],
    wording: '均获维持',
  },
  {
    key: 'none-corrected',
    pattern: /(?:未|没有|无)(?:被|发生|出现)?(?:[^。；;，,\d]{0,6})?(?:纠错|纠正|败诉)/,
    columns: ['corrected'],
    wording: '未被纠错',
  },
];

/** Words that date a sentence to the year before the report's year (but 上年结转 is this year's table row). */
export const LAST_YEAR = /(?:上年|去年|上一年)(?!度?(?:结转|转结))/;
export const THIS_YEAR = /本年|今年|全年|本年度|年内/;
/** a year that names where cases go, not when the sentence happened: 「结转至2024年」 */
export const YEAR_NOT_A_DATE = {
  before: /(?:结转|转结|转入)(?:至|到)?\s*$/,
  after: /^\s*(?:以来|起|继续|度?继续办理)/,
};

/** What 「共X件，其中A件、B件」 may list under X: the parts must all come from one family. */
export const PART_FAMILIES: { total: (string | null)[]; parts: (string | null)[] }[] = [
  { total: ['received', 'new_received'], parts: ['natural_person', 'organisations'] },
  {
    total: ['total_processed'],
    parts: [
      'granted',
      'partially_granted',
      'granted_or_partial',
      'denied',
      'unavailable',
      'rejected',
      'other_handling',
    ],
  },
  { total: ['review_and_litigation'], parts: ['review', 'litigation'] },
  /** 「发布信息43条，其中政务公开类40条」: neither the total nor its parts are table subjects */
  { total: [null], parts: [null] },
];
/** Words before a percentage that make it a share of a stated number: 「占33.9%」. */
export const SHARE_CUE = /占(?:比)?|比例为?|比重为?/;
export const SHARE_OF: { pattern: RegExp; subjects: string[] }[] = [
  { pattern: /占[^。；;，,\d]{0,10}(?:办结|答复|办理)/, subjects: ['total_processed'] },
  { pattern: /占[^。；;，,\d]{0,10}(?:收到|受理|申请)/, subjects: ['received', 'new_received'] },
];
