import { SHARE_CUE, SHARE_OF } from '../../model/claims.js';
import type { AnnualReport } from '../../model/report.js';
import { SECTIONS } from '../../model/templates.js';
import type { RuleFinding } from '../rule.js';
import { paragraphYear, type Claim } from './extract.js';
import { halfWidthDigits } from './numbers.js';

const UNIT_FACTORS = [1e4, 1e8];
const OUTCOME_GROUPS = [
  'granted',
  'partially_granted',
  'granted_or_partial',
  'denied',
  'unavailable',
  'rejected',
  'other_handling',
];
const APPLICANT_PARTITION = ['natural_person', 'organisations'];

export function partName(claim: Pick<Claim, 'part'>): string {
  return SECTIONS.find((s) => s.key === claim.part)?.heading ?? claim.part;
}

function factorName(f: number): string {
  return f === 1e8 ? '亿' : '万';
}

/** 「共X条，其中A条、B条」: the parts cannot exceed the total, and make it up when they are all of it. */
function enumerationFinding(total: Claim, parts: Claim[]): RuleFinding | null {
  if (parts.length < 2 || !total.plain || parts.some((p) => !p.plain)) return null;
  const sum = Math.round(parts.reduce((a, p) => a + p.value, 0) * 1e6) / 1e6;
  if (sum === total.value) return null;
  const listed = parts.map((p) => p.mention!.raw).join('＋');
  const factor = UNIT_FACTORS.find((f) => total.value === sum * f || total.value * f === sum);
  if (factor) {
    return {
      location: partName(total),
      expected: `${sum}${parts[0]!.unit}`,
      actual: total.quote,
      message: `${partName(total)}写明“${total.quote}”，而其中各项之和为 ${listed}＝${sum}${parts[0]!.unit}，相差一个“${factorName(factor)}”字，应为单位错误。`,
    };
  }
  const complete = parts[0]!.exhaustive || APPLICANT_PARTITION.every((k) => parts.some((p) => p.subject === k));
  if (sum < total.value && !complete) return null;
  return {
    location: partName(total),
    expected: sum,
    actual: total.quote,
    message: `${partName(total)}写明“${total.quote}”，但其中所列各项之和为 ${listed}＝${sum}，${sum > total.value ? '超过' : '不等于'}所称总数 ${total.value}。`,
  };
}

function enumerationFindings(claims: Claim[]): RuleFinding[] {
  const parts = new Map<number, Claim[]>();
  for (const c of claims) if (c.partOf !== null) pushTo(parts, c.partOf, c);
  return claims.flatMap((total, i) => {
    if (!total.opensEnumeration) return [];
    const f = enumerationFinding(total, parts.get(i) ?? []);
    return f ? [f] : [];
  });
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Claims by part and paragraph, in order: the checks that span one paragraph look there, not through every claim. */
function byParagraph(claims: Claim[]): Map<string, Claim[]> {
  const out = new Map<string, Claim[]>();
  for (const c of claims) pushTo(out, `${c.part}/${c.paragraph}`, c);
  return out;
}

function only(claims: Claim[], subjects: string[]): Claim | null | undefined {
  const hits = claims.filter((c) => c.subject !== null && subjects.includes(c.subject));
  return hits.length === 1 ? hits[0] : hits.length === 0 ? undefined : null;
}

/** Whether 「收到X件」 already includes last year's cases, as 「（含上年结转）」 says. */
function includesCarried(received: Claim): boolean {
  return (
    received.readings.length === 1 &&
    received.readings[0]!.targets.some((t) => 'rows' in t && t.rows.includes('carried_over'))
  );
}

/**
 * 「收到7件，上年结转1件；予以公开3件，无法提供4件，结转下年1件」: the table's
 * 一 + 二 = （七） + 四, told in words. Checked only when one paragraph states
 * received, carried-over and carried-forward once each, and either the total
 * answered or the outcomes.
 */
function balanceFinding(paragraph: Claim[]): RuleFinding | null {
  const usable = paragraph.filter((c) => c.plain && (c.kind === 'count' || c.kind === 'zero') && c.subject !== null);
  if (new Set(usable.map((c) => c.year)).size > 1) return null;
  const received = only(usable, ['received', 'new_received']);
  const carried = only(usable, ['carried_over']);
  const forward = only(usable, ['carried_forward']);
  const answered = only(usable, ['total_processed']);
  if (!received || !carried || !forward || answered === null) return null;
  const outcomes = usable.filter((c) => OUTCOME_GROUPS.includes(c.subject!));
  if (!answered && (outcomes.length === 0 || new Set(outcomes.map((c) => c.subject)).size !== outcomes.length))
    return null;
  if (
    !answered &&
    usable.some((c) => c.subject === 'granted_or_partial') &&
    usable.some((c) => c.subject === 'granted' || c.subject === 'partially_granted')
  )
    return null;
  const incoming = received.value + (includesCarried(received) ? 0 : carried.value);
  const settled = answered ? answered.value : outcomes.reduce((a, c) => a + c.value, 0);
  if (incoming === settled + forward.value) return null;
  const inWords = includesCarried(received) ? `${received.value}` : `${received.value}＋${carried.value}`;
  const outWords = answered ? `${answered.value}` : outcomes.map((c) => c.value).join('＋');
  return {
    location: partName(received),
    expected: settled + forward.value,
    actual: `收到与结转 ${inWords}＝${incoming}`,
    message: `${partName(received)}所述申请数前后不平衡：收到（含上年结转）${inWords}＝${incoming} 件，办理结果与结转下年 ${outWords}＋${forward.value}＝${settled + forward.value} 件。`,
  };
}

function balanceFindings(claims: Claim[]): RuleFinding[] {
  return [...byParagraph(claims).values()].flatMap((p) => {
    const f = balanceFinding(p);
    return f ? [f] : [];
  });
}

/** Findings for sums the prose states and its own parts contradict. */
export function proseSumFindings(claims: Claim[]): RuleFinding[] {
  return [...enumerationFindings(claims), ...balanceFindings(claims)];
}

function decimals(claim: Claim): number {
  return /\.(\d+)/.exec(claim.mention!.raw)?.[1]?.length ?? 0;
}

/** The stated number a share is of: the total it is named after, else the total of its enumeration. */
function denominatorOf(
  share: Claim,
  numerator: Claim,
  claims: Claim[],
  paragraphs: () => Map<string, Claim[]>,
): Claim | null {
  const named = SHARE_OF.find((s) => s.pattern.test(share.lead));
  if (named) {
    const sameParagraph = (paragraphs().get(`${share.part}/${share.paragraph}`) ?? []).filter(
      (c) => c.subject && named.subjects.includes(c.subject) && c.kind === 'count',
    );
    return sameParagraph.length === 1 ? sameParagraph[0]! : null;
  }
  return numerator.partOf !== null ? (claims[numerator.partOf] ?? null) : null;
}

export interface ShareCheck {
  share: Claim;
  numerator: Claim;
  denominator: Claim;
  expected: number;
}

/** 「予以公开5件，占41.7%」: each share set against the number it is a share of, when the prose names both. */
export function shareChecks(claims: Claim[]): { checks: ShareCheck[]; unresolved: Claim[] } {
  const checks: ShareCheck[] = [];
  const unresolved: Claim[] = [];
  let paragraphs: Map<string, Claim[]> | null = null;
  const inParagraphs = () => {
    paragraphs ??= byParagraph(claims);
    return paragraphs;
  };
  claims.forEach((share, i) => {
    if (share.kind !== 'percent' || !SHARE_CUE.test(share.lead)) return;
    const numerator = claims[i - 1];
    const usable = numerator && numerator.sentence === share.sentence && numerator.kind === 'count' && numerator.plain;
    const denominator = usable ? denominatorOf(share, numerator, claims, inParagraphs) : null;
    if (!usable || !denominator?.plain || denominator.value === 0) {
      unresolved.push(share);
      return;
    }
    checks.push({ share, numerator, denominator, expected: (numerator.value / denominator.value) * 100 });
  });
  return { checks, unresolved };
}

export function shareFinding(check: ShareCheck): RuleFinding | null {
  const d = decimals(check.share);
  const tolerance = Math.max(0.1, 0.5 * 10 ** -d) + 1e-9;
  if (Math.abs(check.expected - check.share.value) <= tolerance) return null;
  const expected = check.expected.toFixed(Math.max(d, 1));
  return {
    location: partName(check.share),
    expected: `${expected}%`,
    actual: check.share.quote,
    message: `${partName(check.share)}写明“${check.share.quote}”，但 ${check.numerator.value}÷${check.denominator.value}＝${expected}%，与所称比例不符。`,
  };
}

/**
 * A paragraph dated with a year before the report's (「2022年，…」 in a 2023
 * report) that states table subjects: most likely last year's text left in.
 */
export function staleYearFindings(report: AnnualReport, claims: Claim[]): RuleFinding[] {
  const year = report.meta.year;
  if (year === null) return [];
  const paragraphs = byParagraph(claims);
  return report.sections.flatMap((section) =>
    section.text.split('\n').flatMap((raw, paragraph): RuleFinding[] => {
      const line = halfWidthDigits(raw.trim());
      const dated = paragraphYear(line);
      if (dated === null || dated >= year || line.includes(`${year}年`)) return [];
      const stated = (paragraphs.get(`${section.key}/${paragraph}`) ?? []).filter(
        (c) => c.subject !== null && c.year === dated && c.kind !== 'percent',
      );
      if (stated.length === 0) return [];
      const quote = line.length > 40 ? `${line.slice(0, 38)}…` : line;
      return [
        {
          location: partName(stated[0]!),
          expected: `${year}年`,
          actual: quote,
          message: `${partName(stated[0]!)}中有一段以“${dated}年”开头并陈述申请、复议或文件数量，而本报告是 ${year} 年度报告，疑为沿用往年文字；其中的数字未与本年表格比对。`,
          severity: 'info',
        },
      ];
    }),
  );
}
