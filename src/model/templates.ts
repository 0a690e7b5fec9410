/**
 * The two official formats (国办公开办函〔2019〕60号 and 〔2021〕30号) as data.
 * The structurer matches labels against `phrases` and aligns table rows with
 * the template's rows in order; the rules read the same rows, groups and
 * columns. A label variant seen in the wild is one more phrase here, never an `if`.
 *
 * Phrases are compared after `normalizeLabel` (NFKC, Traditional→Simplified,
 * no whitespace or punctuation, leading numbering stripped), so write them in
 * that form.
 */
import type { SectionKey, TemplateVersion } from './report.js';

export type Version = Exclude<TemplateVersion, 'unknown'>;

/** The first reporting year each format is prescribed for (〔2021〕30号 from the 2021 reports on). */
export const TEMPLATE_FROM_YEAR: Record<Version, number> = { '2019': 2019, '2021': 2021 };
/** The format a report of unknown year is read against: the one in force now. */
export const CURRENT_TEMPLATE: Version = '2021';

/** The format prescribed for a reporting year, when the table itself does not tell. */
export function templateForYear(year: number | null): Version {
  if (year === null) return CURRENT_TEMPLATE;
  const versions = (Object.entries(TEMPLATE_FROM_YEAR) as [Version, number][]).sort((a, b) => a[1] - b[1]);
  return versions.filter(([, from]) => from <= year).pop()?.[0] ?? versions[0]![0];
}

export interface LabelDef {
  key: string;
  /** the label exactly as the official format prints it */
  label: string;
  /** how locations name it: 表三/（七）总计/自然人 */
  short: string;
  /** normalised key phrases; any one identifies the label */
  phrases: string[];
  /** the label must equal one of these after normalisation (for generic words like 其他) */
  exact?: string[];
  /** the outcome group whose label must stand beside it (disambiguates （六）3.其他) */
  group?: OutcomeGroup;
}

export type OutcomeGroup = 'denied' | 'unavailable' | 'rejected' | 'other';

export interface ColumnDef extends LabelDef {
  kind: 'count' | 'signed' | 'amount';
}

export interface SubtableDef {
  key: string;
  caption: string;
  /** the bracketed item number of 第二十条第（N）项 */
  item: string;
  rows: LabelDef[];
  cols: ColumnDef[];
}

export interface SectionDef {
  number: number;
  key: SectionKey;
  heading: string;
  /** tried on the heading with numbering and filler removed; first match wins */
  pattern: RegExp;
}

const count = (key: string, label: string, phrases: string[], short = label): ColumnDef => ({
  key,
  label,
  short,
  phrases,
  kind: 'count',
});
const row = (
  key: string,
  label: string,
  short: string,
  phrases: string[],
  extra: Partial<LabelDef> = {},
): LabelDef => ({ key, label, short, phrases, ...extra });

export const SECTIONS: SectionDef[] = [
  { number: 1, key: 'overview', heading: '一、总体情况', pattern: /总体情况|概述|总体/ },
  { number: 2, key: 'activeDisclosure', heading: '二、主动公开政府信息情况', pattern: /主动公开/ },
  {
    number: 3,
    key: 'applications',
    heading: '三、收到和处理政府信息公开申请情况',
    pattern: /收到和处理|依申请公开|处理政府信息公开申请|公开申请情况/,
  },
  { number: 4, key: 'reviewLitigation', heading: '四、政府信息公开行政复议、行政诉讼情况', pattern: /复议|诉讼/ },
  {
    number: 5,
    key: 'problems',
    heading: '五、存在的主要问题及改进情况',
    pattern: /问题.*(改进|整改)|改进措施|整改措施|存在.*问题/,
  },
  { number: 6, key: 'otherMatters', heading: '六、其他需要报告的事项', pattern: /其他.*事项|其他需|其他事项/ },
];

export const TABLE_NAMES = { activeDisclosure: '表二', applications: '表三', reviewLitigation: '表四' } as const;

const art20_1_rows2019 = [
  row('regulations', '规章', '规章', ['规章']),
  row('normative_documents', '规范性文件', '规范性文件', ['规范性文件']),
];
const art20_1_rows2021 = [
  row('regulations', '规章', '规章', ['规章']),
  row('normative_documents', '行政规范性文件', '行政规范性文件', ['规范性文件']),
];
const previousYear = count('previous_year', '上一年项目数量', ['上一年项目数量', '上一年项目', '上年项目数量']);
const change: ColumnDef = {
  key: 'change',
  label: '本年增/减',
  short: '本年增/减',
  phrases: ['本年增减', '增减'],
  kind: 'signed',
};
const decisions2019 = count('decisions', '处理决定数量', ['处理决定数量', '处理决定']);
const decisions2021 = count('decisions', '本年处理决定数量', ['本年处理决定数量', '处理决定数量', '处理决定']);

export const ACTIVE_DISCLOSURE: Record<Version, SubtableDef[]> = {
  '2019': [
    {
      key: 'art20_1',
      caption: '第二十条第（一）项',
      item: '一',
      rows: art20_1_rows2019,
      cols: [
        count('newly_made', '本年新制作数量', ['本年新制作数量', '新制作数量', '新制作']),
        count('newly_published', '本年新公开数量', ['本年新公开数量', '新公开数量', '新公开']),
        count('total_published', '对外公开总数量', ['对外公开总数量', '公开总数量', '对外公开总数']),
      ],
    },
    {
      key: 'art20_5',
      caption: '第二十条第（五）项',
      item: '五',
      rows: [
        row('licensing', '行政许可', '行政许可', ['行政许可']),
        row('other_services', '其他对外管理服务事项', '其他对外管理服务事项', [
          '其他对外管理服务事项',
          '对外管理服务事项',
        ]),
      ],
      cols: [previousYear, change, decisions2019],
    },
    {
      key: 'art20_6',
      caption: '第二十条第（六）项',
      item: '六',
      rows: [
        row('penalty', '行政处罚', '行政处罚', ['行政处罚']),
        row('coercion', '行政强制', '行政强制', ['行政强制']),
      ],
      cols: [previousYear, change, decisions2019],
    },
    {
      key: 'art20_8',
      caption: '第二十条第（八）项',
      item: '八',
      rows: [row('fees', '行政事业性收费', '行政事业性收费', ['行政事业性收费', '事业性收费'])],
      cols: [previousYear, change],
    },
    {
      key: 'art20_9',
      caption: '第二十条第（九）项',
      item: '九',
      rows: [row('procurement', '政府集中采购', '政府集中采购', ['政府集中采购', '集中采购'])],
      cols: [
        count('projects', '采购项目数量', ['采购项目数量', '项目数量']),
        { key: 'amount', label: '采购总金额', short: '采购总金额', phrases: ['采购总金额', '总金额'], kind: 'amount' },
      ],
    },
  ],
  '2021': [
    {
      key: 'art20_1',
      caption: '第二十条第（一）项',
      item: '一',
      rows: art20_1_rows2021,
      cols: [
        count('issued', '本年制发件数', ['本年制发件数', '制发件数', '本年制发']),
        count('repealed', '本年废止件数', ['本年废止件数', '废止件数', '本年废止']),
        count('in_force', '现行有效件数', ['现行有效件数', '现行有效件', '现行有效']),
      ],
    },
    {
      key: 'art20_5',
      caption: '第二十条第（五）项',
      item: '五',
      rows: [row('licensing', '行政许可', '行政许可', ['行政许可'])],
      cols: [decisions2021],
    },
    {
      key: 'art20_6',
      caption: '第二十条第（六）项',
      item: '六',
      rows: [
        row('penalty', '行政处罚', '行政处罚', ['行政处罚']),
        row('coercion', '行政强制', '行政强制', ['行政强制']),
      ],
      cols: [decisions2021],
    },
    {
      key: 'art20_8',
      caption: '第二十条第（八）项',
      item: '八',
      rows: [row('fees', '行政事业性收费', '行政事业性收费', ['行政事业性收费', '事业性收费'])],
      cols: [
        {
          key: 'amount',
          label: '本年收费金额（单位：万元）',
          short: '本年收费金额',
          phrases: ['本年收费金额', '收费金额'],
          kind: 'amount',
        },
      ],
    },
  ],
};

export const APPLICATION_COLUMNS: ColumnDef[] = [
  count('natural_person', '自然人', ['自然人']),
  count('commercial', '商业企业', ['商业企业']),
  count('research', '科研机构', ['科研机构']),
  count('social_welfare', '社会公益组织', ['社会公益组织', '公益组织']),
  count('legal_services', '法律服务机构', ['法律服务机构']),
  { ...count('other_org', '其他', [], '其他组织'), exact: ['其他', '其它'] },
  { ...count('total', '总计', [], '总计'), exact: ['总计', '合计'] },
];
/** words only 表三's header rows carry: a row holding one of them is header, not data */
export const APPLICATION_HEADER_WORDS = ['申请人情况', '法人或其他组织', '自然人', '商业企业', '科研机构'];
export const APPLICANT_COLUMN_KEYS = APPLICATION_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);

const denied = (key: string, n: number, label: string, phrases: string[]) =>
  row(key, `${n}.${label}`, `（三）${n}.${label}`, phrases, { group: 'denied' });
const unavailable = (key: string, n: number, label: string, phrases: string[]) =>
  row(key, `${n}.${label}`, `（四）${n}.${label}`, phrases, { group: 'unavailable' });
const rejected = (key: string, n: number, label: string, phrases: string[]) =>
  row(key, `${n}.${label}`, `（五）${n}.${label}`, phrases, { group: 'rejected' });

const APPLICATION_ROWS_COMMON_HEAD: LabelDef[] = [
  row('new_received', '一、本年新收政府信息公开申请数量', '一、本年新收', ['本年新收', '新收政府信息公开申请']),
  row('carried_over', '二、上年结转政府信息公开申请数量', '二、上年结转', ['上年结转', '上年转结', '上年度结转']),
  row('granted', '（一）予以公开', '（一）予以公开', ['予以公开'], { exact: ['予以公开'] }),
  row('partially_granted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开', ['部分公开']),
  denied('denied_state_secret', 1, '属于国家秘密', ['国家秘密']),
  denied('denied_law_prohibited', 2, '其他法律行政法规禁止公开', ['禁止公开']),
  denied('denied_security_stability', 3, '危及“三安全一稳定”', ['三安全一稳定', '三安全']),
  denied('denied_third_party', 4, '保护第三方合法权益', ['第三方']),
  denied('denied_internal_affairs', 5, '属于三类内部事务信息', ['内部事务', '内容事务']),
  denied('denied_process_info', 6, '属于四类过程性信息', ['过程性']),
  denied('denied_enforcement_file', 7, '属于行政执法案卷', ['执法案卷']),
  denied('denied_inquiry', 8, '属于行政查询事项', ['查询事项']),
  unavailable('unavailable_not_held', 1, '本机关不掌握相关政府信息', ['不掌握']),
  unavailable('unavailable_needs_creation', 2, '没有现成信息需要另行制作', ['另行制作', '没有现成信息']),
  unavailable('unavailable_unclear', 3, '补正后申请内容仍不明确', ['仍不明确', '内容不明确']),
  rejected('rejected_petition', 1, '信访举报投诉类申请', ['信访', '举报投诉']),
  rejected('rejected_duplicate', 2, '重复申请', ['重复申请']),
  rejected('rejected_publication', 3, '要求提供公开出版物', ['出版物']),
  rejected('rejected_excessive', 4, '无正当理由大量反复申请', ['大量反复']),
  rejected('rejected_confirmation', 5, '要求行政机关确认或重新出具已获取信息', ['确认或重新出具', '重新出具']),
];
const APPLICATION_ROWS_COMMON_TAIL: LabelDef[] = [
  row('total_processed', '（七）总计', '（七）总计', [], { exact: ['总计', '合计'] }),
  row('carried_forward', '四、结转下年度继续办理', '四、结转下年度继续办理', [
    '结转下年',
    '转结下年',
    '下年度继续办理',
  ]),
];

export const APPLICATION_ROWS: Record<Version, LabelDef[]> = {
  '2019': [
    ...APPLICATION_ROWS_COMMON_HEAD,
    row('other', '（六）其他处理', '（六）其他处理', ['其他处理']),
    ...APPLICATION_ROWS_COMMON_TAIL,
  ],
  '2021': [
    ...APPLICATION_ROWS_COMMON_HEAD,
    row(
      'other_no_correction',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '（六）1.逾期不补正',
      ['逾期不补正', '不补正'],
      { group: 'other' },
    ),
    row(
      'other_no_fee',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '（六）2.逾期未缴费',
      ['收费通知', '缴纳费用'],
      { group: 'other' },
    ),
    row('other_other', '3.其他', '（六）3.其他', [], { exact: ['其他', '其它'], group: 'other' }),
    ...APPLICATION_ROWS_COMMON_TAIL,
  ],
};

export interface OutcomeGroupDef {
  group: OutcomeGroup | 'results';
  label: string;
  phrases: string[];
  /** a format that prints the group as one value row of its own instead of sub-items: 2019's （六）其他处理 */
  ownRow?: Partial<Record<Version, string>>;
}

/** group labels that carry no values of their own: （三）不予公开 … and 三、本年度办理结果 */
export const OUTCOME_GROUP_LABELS: OutcomeGroupDef[] = [
  { group: 'results', label: '三、本年度办理结果', phrases: ['本年度办理结果', '办理结果'] },
  { group: 'denied', label: '（三）不予公开', phrases: ['不予公开'] },
  { group: 'unavailable', label: '（四）无法提供', phrases: ['无法提供'] },
  { group: 'rejected', label: '（五）不予处理', phrases: ['不予处理'] },
  { group: 'other', label: '（六）其他处理', phrases: ['其他处理'], ownRow: { '2019': 'other' } },
];

/** How locations and messages name an outcome group, as the format prints its label. */
export const OUTCOME_GROUP_NAMES = Object.fromEntries(
  OUTCOME_GROUP_LABELS.filter((g) => g.group !== 'results').map((g) => [g.group, g.label]),
) as Record<OutcomeGroup, string>;

/** The 表三 rows an outcome group adds up to in a format: its sub-items, or the one row it is printed as. */
export function groupRows(version: Version, group: OutcomeGroup): LabelDef[] {
  const own = OUTCOME_GROUP_LABELS.find((g) => g.group === group)?.ownRow?.[version];
  return APPLICATION_ROWS[version].filter((r) => r.group === group || r.key === own);
}

/** Every 表三 row of either format, in template order (the 2019 （六） row after the 2021 ones). */
export const ALL_APPLICATION_ROWS: LabelDef[] = [
  ...APPLICATION_ROWS['2021'],
  ...APPLICATION_ROWS['2019'].filter((r) => !APPLICATION_ROWS['2021'].some((n) => n.key === r.key)),
];

/** The 表三 rows only one format has: which of them a table prints tells its format. */
export function distinctApplicationRows(version: Version): LabelDef[] {
  const others = (Object.keys(APPLICATION_ROWS) as Version[]).filter((v) => v !== version);
  return APPLICATION_ROWS[version].filter((r) =>
    others.every((v) => !APPLICATION_ROWS[v].some((o) => o.key === r.key)),
  );
}

/** 表四's groups in the order the template prints them (and a positional row lists them). */
export const REVIEW_GROUPS: LabelDef[] = [
  row('review', '行政复议', '行政复议', ['行政复议']),
  // the sub-header alone is the template's wording too: 行政诉讼 stands above both litigation groups
  row(
    'litigation_direct',
    '行政诉讼·未经复议直接起诉',
    '行政诉讼/未经复议直接起诉',
    ['未经复议直接起诉', '未经复议', '直接起诉'],
    { exact: ['未经复议直接起诉'] },
  ),
  row('litigation_after_review', '行政诉讼·复议后起诉', '行政诉讼/复议后起诉', ['复议后起诉'], {
    exact: ['复议后起诉'],
  }),
];
export const REVIEW_COLUMNS: ColumnDef[] = [
  count('upheld', '结果维持', ['结果维持', '维持']),
  count('corrected', '结果纠正', ['结果纠正', '纠正']),
  count('other', '其他结果', ['其他结果']),
  count('pending', '尚未审结', ['尚未审结', '未审结']),
  { ...count('total', '总计', [], '总计'), exact: ['总计', '合计'] },
];

/** Labels that only one format prints: how a table's template is recognised. */
export const TEMPLATE_MARKERS: Record<Version, string[]> = {
  '2021': [
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    '本年收费金额',
    '逾期不补正',
    '缴纳费用',
    '制发件数',
    '废止件数',
  ],
  '2019': [
    '本年新制作数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增减',
    '采购总金额',
    '政府集中采购',
    '新制作数量',
  ],
};

/** Words whose presence says which of the three tables a table block is. */
export const TABLE_MARKERS: Record<'activeDisclosure' | 'applications' | 'reviewLitigation', string[]> = {
  activeDisclosure: [
    '第二十条',
    '第二十一条',
    '信息内容',
    '规章',
    '规范性文件',
    '行政许可',
    '行政处罚',
    '行政强制',
    '事业性收费',
    '集中采购',
    '制发件数',
    '现行有效',
  ],
  applications: [
    '申请人情况',
    '自然人',
    '商业企业',
    '科研机构',
    '本年新收',
    '上年结转',
    '予以公开',
    '部分公开',
    '国家秘密',
    '不予处理',
    '无法提供',
    '结转下年',
    '三安全一稳定',
    '办理结果',
    '其他处理',
    '逾期不补正',
    '收费通知',
    '不掌握',
    '另行制作',
    '重复申请',
    '出版物',
  ],
  reviewLitigation: ['结果维持', '结果纠正', '其他结果', '尚未审结', '未经复议直接起诉', '复议后起诉'],
};

/** The outcome rows （一）…（六） whose sum the template's （七）总计 is. */
export function outcomeRows(version: Version): string[] {
  const keys = APPLICATION_ROWS[version].map((r) => r.key);
  return keys.slice(keys.indexOf('granted'), keys.indexOf('total_processed'));
}

/** A column the template defines as the sum of other columns of the same row. */
export interface RowSum {
  total: string;
  parts: string[];
}
export const APPLICATION_ROW_SUM: RowSum = { total: 'total', parts: APPLICANT_COLUMN_KEYS };
export const REVIEW_ROW_SUM: RowSum = { total: 'total', parts: ['upheld', 'corrected', 'other', 'pending'] };

/** 表三's identities across rows, in every column: the rows on the left add up to the rows on the right. */
export function applicationColumnIdentities(version: Version): { left: string[]; right: string[] }[] {
  return [
    { left: ['total_processed'], right: outcomeRows(version) },
    { left: ['new_received', 'carried_over'], right: ['total_processed', 'carried_forward'] },
  ];
}
