/**
 * Consistent report data from a few parameters: every identity of the template
 * holds. Planted discrepancies are applied afterwards (see sources.ts), so a
 * clean report is clean by construction, not by inspection.
 */
import {
  ACTIVE_DISCLOSURE,
  APPLICATION_COLUMNS,
  APPLICATION_ROWS,
  REVIEW_GROUPS,
  type Version,
} from '../../src/model/templates.js';
import type { ReportData } from './render.js';

export type Level = 'township' | 'county' | 'city' | 'province';
const SCALE: Record<Level, number> = { township: 3, county: 12, city: 60, province: 300 };

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPLICANTS = APPLICATION_COLUMNS.length - 1;
/** natural persons file most requests; research institutes almost none */
const APPLICANT_WEIGHT = [1, 0.3, 0.05, 0.05, 0.15, 0.1];
const OUTCOME_WEIGHT: Record<string, number> = {
  granted: 5,
  partially_granted: 1.5,
  unavailable_not_held: 3,
  unavailable_needs_creation: 0.5,
  rejected_petition: 0.8,
  rejected_duplicate: 0.5,
  denied_third_party: 0.3,
  denied_process_info: 0.3,
  other: 0.4,
  other_other: 0.4,
  other_no_correction: 0.3,
};

function split(total: number, weights: number[], rand: () => number): number[] {
  const out = weights.map(() => 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < total; i++) {
    let x = rand() * sum;
    let k = 0;
    while (x > weights[k]! && k < weights.length - 1) x -= weights[k++]!;
    out[k]!++;
  }
  return out;
}

const withTotal = (values: number[]) => [...values, values.reduce((a, b) => a + b, 0)].map(String);

export function applications(
  version: Version,
  level: Level,
  rand: () => number,
  carried?: number[],
): Record<string, string[]> {
  const scale = SCALE[level];
  const fresh = APPLICANT_WEIGHT.map((w) => Math.round(rand() * scale * w * 2));
  const drawn = APPLICANT_WEIGHT.map((w) => (rand() < 0.4 ? Math.round(rand() * scale * w * 0.3) : 0));
  const carriedOver = carried ?? drawn;
  const available = fresh.map((f, i) => f + carriedOver[i]!);
  const carriedForward = available.map((a) =>
    a > 0 && rand() < 0.3 ? Math.min(a, 1 + Math.floor(rand() * Math.max(1, a * 0.1))) : 0,
  );
  const processed = available.map((a, i) => a - carriedForward[i]!);
  const outcomeKeys = APPLICATION_ROWS[version]
    .map((r) => r.key)
    .filter((k) => !['new_received', 'carried_over', 'total_processed', 'carried_forward'].includes(k));
  const weights = outcomeKeys.map((k) => OUTCOME_WEIGHT[k] ?? 0.05);
  const columns = processed.map((p) => split(p, weights, rand));
  const out: Record<string, string[]> = {
    new_received: withTotal(fresh),
    carried_over: withTotal(carriedOver),
  };
  for (const [j, k] of outcomeKeys.entries()) out[k] = withTotal(columns.map((c) => c[j]!));
  out.total_processed = withTotal(processed);
  out.carried_forward = withTotal(carriedForward);
  return Object.fromEntries(APPLICATION_ROWS[version].map((r) => [r.key, out[r.key]!]));
}

export function reviewLitigation(level: Level, rand: () => number): Record<string, string[]> {
  const few = () => (rand() < 0.5 ? 0 : Math.floor(rand() * Math.max(2, SCALE[level] / 10)));
  return Object.fromEntries(REVIEW_GROUPS.map((g) => [g.key, withTotal([few(), few(), few(), few()])]));
}

export function activeDisclosure(
  version: Version,
  level: Level,
  rand: () => number,
  inForceBefore?: number,
): Record<string, Record<string, string[]>> {
  const scale = SCALE[level];
  const makesRules = level === 'province' || level === 'city';
  const n = (k: number) => String(Math.floor(rand() * k));
  const out: Record<string, Record<string, string[]>> = {};
  for (const sub of ACTIVE_DISCLOSURE[version]) {
    out[sub.key] = {};
    for (const row of sub.rows) {
      out[sub.key]![row.key] = sub.cols.map((col) => {
        if (row.key === 'regulations' && !makesRules) return '0';
        if (col.kind === 'amount') return (rand() * scale).toFixed(2);
        if (col.kind === 'signed') return rand() < 0.5 ? '0' : `增${n(5)}`;
        return n(scale * 4);
      });
    }
  }
  if (version === '2021') {
    const [issued, repealed] = out.art20_1!.normative_documents!.map(Number) as [number, number];
    const stock = issued + repealed + Math.floor(rand() * scale * 3);
    out.art20_1!.normative_documents![2] = String(
      inForceBefore === undefined ? stock : inForceBefore + issued - repealed,
    );
  }
  return out;
}

export interface BaseSpec {
  agency: string;
  year: number;
  level: Level;
  template: Version;
  layout: ReportData['layout'];
  seed: number;
  /** the same agency's report for the year before: this year carries its numbers over */
  previous?: BaseSpec;
}

/** The prose, written from the final table cells so that it never contradicts them by accident. */
export function writeProse(
  spec: BaseSpec,
  data: Pick<ReportData, 'applications' | 'reviewLitigation'>,
): Record<number, string[]> {
  const apps = data.applications;
  const total = (key: string) => apps?.[key]?.[APPLICATION_COLUMNS.length - 1];
  const received = total('new_received');
  const requests =
    received && /^\d+$/.test(received)
      ? `全年共收到政府信息公开申请${received}件，均已按照法定时限和程序予以答复。`
      : '全年依法依规办理政府信息公开申请，均已按照法定时限和程序予以答复。';
  return {
    1: [
      `${spec.year}年，${spec.agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，不断健全政务公开工作机制，推进决策、执行、管理、服务、结果公开。`,
      '（一）主动公开。围绕重点领域信息公开要求，及时发布政策文件、工作动态和通知公告，加强政策解读。',
      `（二）依申请公开。严格落实依申请公开受理、办理、答复等环节的规范要求。${requests}`,
      '（三）政府信息管理。落实信息发布前保密审查制度，动态调整主动公开基本目录。',
      '（四）政府信息公开平台建设。持续优化门户网站政府信息公开专栏，完善政务新媒体管理。',
      '（五）监督保障。将政务公开工作纳入年度考核，开展业务培训，强化工作责任。',
    ],
    3: [],
    5: [
      '（一）存在的主要问题。一是公开内容的全面性和及时性还需加强；二是政策解读形式较为单一。',
      '（二）改进情况。下一步将加强业务培训，丰富解读形式，提升公开质量。',
    ],
    6: [spec.template === '2021' ? '本年度未收取信息处理费。' : '无。'],
  };
}

const numbers = (row: string[] | undefined) => row?.slice(0, APPLICANTS).map(Number);

export function baseReport(spec: BaseSpec): ReportData {
  const rand = prng(spec.seed);
  const before = spec.previous && baseReport(spec.previous);
  const data = {
    applications: applications(spec.template, spec.level, rand, numbers(before?.applications?.carried_forward)),
    reviewLitigation: reviewLitigation(spec.level, rand),
  };
  const inForceBefore = before?.activeDisclosure?.art20_1?.normative_documents?.[2];
  return {
    agency: spec.agency,
    year: spec.year,
    titleYear: spec.year,
    period: `${spec.year}年1月1日至${spec.year}年12月31日`,
    template: spec.template,
    layout: spec.layout,
    published: `${spec.year + 1}-01-${String(10 + Math.floor(rand() * 18)).padStart(2, '0')}`,
    headings: {},
    sectionOrder: [1, 2, 3, 4, 5, 6],
    prose: {},
    activeDisclosure: activeDisclosure(
      spec.template,
      spec.level,
      rand,
      inForceBefore === undefined ? undefined : Number(inForceBefore),
    ),
    ...data,
  };
}
