import {
  APPROXIMATE_AFTER,
  COUNT_UNITS,
  PART_FAMILIES,
  LAST_YEAR,
  MONEY_UNITS,
  NOT_A_COUNT,
  OTHER_SUBJECTS,
  OUTCOME_CLAIMS,
  SUBJECTS,
  THIS_YEAR,
  TOPICS,
  YEAR_NOT_A_DATE,
  ZERO_CLAIMS,
  ZERO_VOID,
  type Reading,
  type SubjectDef,
  type TopicKey,
} from '../../model/claims.js';
import type { AgencyLevel } from '../../model/agencies.js';
import type { AnnualReport, SectionKey } from '../../model/report.js';
import { simplified } from '../../model/script.js';
import { findMentions, halfWidthDigits, isYear, type Mention } from './numbers.js';

export type ClaimKind = 'count' | 'money' | 'percent' | 'zero' | 'outcome';
/** Why a claim is or is not set against the tables. */
export type ClaimStatus = 'comparable' | 'ambiguous' | 'unmapped' | 'other-year' | 'other-subject';

export interface Claim {
  kind: ClaimKind;
  part: SectionKey;
  /** paragraph index within the part, for checks that span one paragraph */
  paragraph: number;
  /** the sentence as the report writes it (digits half-width) */
  sentence: string;
  /** the clause the number stands in, for quoting */
  quote: string;
  /** the words between the previous number and this one, within their clause */
  lead: string;
  /** a plain count: no 约/余/增加…, so sums and shares may use it */
  plain: boolean;
  subject: string | null;
  /** the subjects the words allowed when more than one did */
  candidates: string[];
  value: number;
  unit: string;
  mention: Mention | null;
  /** the year the sentence speaks of; null = the report's own year is implied */
  year: number | null;
  status: ClaimStatus;
  reason: string | null;
  readings: Reading[];
  /** 表四 columns an outcome claim says are 0, and the groups it speaks of */
  outcome?: { columns: string[]; groups: string[]; wording: string };
  /** 「其中」 follows this claim */
  opensEnumeration: boolean;
  /** the claim index whose parts this claim lists */
  partOf: number | null;
  /** 分别为: the parts are meant to be all of the total */
  exhaustive: boolean;
}

/** Parts that tell in prose what the tables count. */
const NARRATIVE_PARTS: SectionKey[] = [
  'overview',
  'activeDisclosure',
  'applications',
  'reviewLitigation',
  'problems',
  'otherMatters',
];
const CLAUSE_BREAK = /[，,；;：:]/;
const SENTENCE_END = /(?<=[。！？!?])/;
const SUBHEADING_MAX = 30;
/** 「县（区）政府及其部门主动公开政府信息」: the longest label a listed part carries */
const PART_LABEL_MAX = 24;
const LEADING_YEAR = /^\s*(?:[(（][一二三四五六七八九十]+[)）]\s*)?(\d{4})\s*年度?(?!\s*(?:以来|起|\d|[0-9]*月))/;
const ENUMERATION = /^\s*[，,：:；;（(]?\s*(?:其中|包括|分别为|分别是)/;
const EXHAUSTIVE = /^\s*[，,：:；;（(]?\s*分别(?:为|是)/;
const LITIGATION_GROUPS = ['litigation_direct', 'litigation_after_review'];

function lastTopic(text: string): TopicKey | null {
  let best: { key: TopicKey; end: number; start: number } | null = null;
  for (const t of TOPICS) {
    for (const m of text.matchAll(t.pattern)) {
      const end = m.index + m[0].length;
      if (!best || end > best.end || (end === best.end && m.index < best.start))
        best = { key: t.key, end, start: m.index };
    }
  }
  return best?.key ?? null;
}

function clauseOf(lead: string): string {
  const parts = lead.split(CLAUSE_BREAK);
  return parts[parts.length - 1] ?? lead;
}

function subjectsFor(words: string, topic: TopicKey | null): SubjectDef[] {
  const hits = SUBJECTS.filter(
    (s) => s.topics.includes(topic) && s.cue.test(words) && !(s.unless?.test(words) ?? false),
  );
  const superseded = new Set(hits.flatMap((s) => s.supersedes ?? []));
  return hits.filter((s) => !superseded.has(s.key));
}

function quoteAround(sentence: string, start: number, end: number): string {
  const before = sentence.slice(0, start).split(CLAUSE_BREAK);
  const after = sentence.slice(end).split(CLAUSE_BREAK)[0] ?? '';
  const text = `${before[before.length - 1] ?? ''}${sentence.slice(start, end)}${after}`.replace(/[。！？]$/, '');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

interface SentenceContext {
  part: SectionKey;
  level: AgencyLevel | null;
  paragraph: number;
  reportYear: number | null;
  paragraphYear: number | null;
  topic: TopicKey | null;
}

/**
 * The year a number speaks of: a year written just before it (「2022年全年共收到」),
 * else 本年/全年 or 上年 in its clause, else the last year named earlier in the
 * sentence, else the paragraph's date.
 */
function yearBefore(sentence: string, mentions: Mention[], index: number, ctx: SentenceContext): number | null {
  const dates = mentions
    .slice(0, index)
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => isYear(m) && isDate(sentence, m));
  const last = dates[dates.length - 1];
  if (last && last.i === index - 1) return last.m.value;
  const clause = clauseOf(sentence.slice(index === 0 ? 0 : mentions[index - 1]!.end, mentions[index]!.start));
  if (LAST_YEAR.test(clause) && ctx.reportYear !== null) return ctx.reportYear - 1;
  if (THIS_YEAR.test(clause)) return ctx.reportYear;
  if (last) return last.m.value;
  if (LAST_YEAR.test(sentence.slice(0, mentions[index]!.start)) && ctx.reportYear !== null) return ctx.reportYear - 1;
  return ctx.paragraphYear;
}

function isDate(sentence: string, year: Mention): boolean {
  return (
    !YEAR_NOT_A_DATE.before.test(sentence.slice(0, year.start)) && !YEAR_NOT_A_DATE.after.test(sentence.slice(year.end))
  );
}

function isPlain(clause: string, mention: Mention, after: string): boolean {
  return !mention.approximate && !APPROXIMATE_AFTER.test(after) && !NOT_A_COUNT.some((n) => n.pattern.test(clause));
}

function statusOf(
  subjects: SubjectDef[],
  clause: string,
  mention: Mention,
  after: string,
  year: number | null,
  reportYear: number | null,
): { status: ClaimStatus; reason: string | null } {
  if (subjects.length === 0) return { status: 'unmapped', reason: null };
  if (subjects.length > 1) return { status: 'ambiguous', reason: `多种含义：${subjects.map((s) => s.key).join('、')}` };
  const notCount = NOT_A_COUNT.find((n) => n.pattern.test(clause));
  if (notCount) return { status: 'ambiguous', reason: notCount.reason };
  if (mention.approximate || APPROXIMATE_AFTER.test(after)) return { status: 'ambiguous', reason: 'approximate' };
  if (year !== null && year !== reportYear) return { status: 'other-year', reason: `${year}年` };
  return { status: 'comparable', reason: null };
}

function kindOf(unit: string): ClaimKind | null {
  if (COUNT_UNITS.includes(unit)) return 'count';
  if (MONEY_UNITS.includes(unit)) return 'money';
  return unit === '%' ? 'percent' : null;
}

/** The number claims of one sentence: counts, amounts and shares, in order. */
function numberClaims(sentence: string, ctx: SentenceContext, out: Claim[]): void {
  const mentions = findMentions(sentence);
  const first = out.length;
  let open: Claim | null = null;
  mentions.forEach((m, i) => {
    const kind = kindOf(m.unit);
    if (!kind) return;
    const lead = sentence.slice(i === 0 ? 0 : mentions[i - 1]!.end, m.start);
    const clause = clauseOf(lead);
    const topic = lastTopic(sentence.slice(0, m.start)) ?? ctx.topic;
    const year = yearBefore(sentence, mentions, i, ctx);
    const subjects = kind === 'percent' ? [] : subjectsOf(kind, clause, lead, topic);
    const after = sentence.slice(m.end);
    const { status, reason } =
      kind === 'percent'
        ? { status: 'unmapped' as const, reason: null }
        : statusOf(subjects, clause, m, after, year, ctx.reportYear);
    const subject = subjects.length === 1 ? subjects[0]! : null;
    const claim: Claim = {
      kind,
      part: ctx.part,
      paragraph: ctx.paragraph,
      sentence,
      quote: quoteAround(sentence, m.start, m.end),
      lead: clause,
      plain: isPlain(clause, m, after),
      subject: subject?.key ?? null,
      candidates: subjects.map((s) => s.key),
      value: m.value,
      unit: m.unit,
      mention: m,
      year,
      status,
      reason,
      readings: subject ? readingsOf(subject, sentence, out.slice(first)) : [],
      opensEnumeration: kind !== 'percent' && ENUMERATION.test(after),
      partOf: null,
      exhaustive: false,
    };
    if (subject?.applicant && claim.readings.length === 0) claim.status = 'unmapped';
    markOtherSubject(claim, { clause, lead, sentence }, ctx.level);
    if (kind === 'percent') {
      out.push(claim);
      return;
    }
    if (open && isPartOf(open, claim, lead)) {
      claim.partOf = out.indexOf(open);
      claim.exhaustive = EXHAUSTIVE.test(sentence.slice(open.mention!.end));
    } else open = null;
    out.push(claim);
    if (claim.opensEnumeration) open = claim;
  });
}

function subjectsOf(kind: ClaimKind, clause: string, lead: string, topic: TopicKey | null): SubjectDef[] {
  const fits = (s: SubjectDef) => (kind === 'money') === !!s.money;
  const near = subjectsFor(clause, topic).filter(fits);
  return near.length ? near : subjectsFor(lead, topic).filter(fits);
}

/**
 * A claim whose words make it another subject's count than the table's (one
 * office of several, documents classed by 公开属性) stays out of the comparison.
 */
function markOtherSubject(
  claim: Claim,
  words: { clause: string; lead: string; sentence: string },
  level: AgencyLevel | null,
): void {
  if (claim.status !== 'comparable' && claim.status !== 'other-year') return;
  const tables = new Set(claim.readings.flatMap((r) => r.targets.map((t) => t.table)));
  const hit = OTHER_SUBJECTS.find(
    (o) =>
      (!o.levels || o.levels.includes(level)) &&
      (!o.tables || [...tables].some((t) => o.tables!.includes(t)) || claim.kind === 'outcome') &&
      o.pattern.test(words[o.scope]),
  );
  if (!hit) return;
  claim.status = 'other-subject';
  claim.reason = hit.reason;
}

/** A part of 「其中…」 goes on while the words between numbers stay a short label of the same family. */
function isPartOf(total: Claim, part: Claim, lead: string): boolean {
  const words = lead.replace(/^[，,、；;：:\s]*(?:其中|包括|分别为|分别是)?[：:，,]?/, '');
  if (words.length > PART_LABEL_MAX || /其中/.test(words) || part.kind !== total.kind) return false;
  // untyped lists (发布信息43条，其中…) end at a semicolon; typed ones (予以公开…；不予公开…) are held together by their subjects
  if (total.subject === null && (total.candidates.length > 0 || /[；;]/.test(lead))) return false;
  const family = PART_FAMILIES.find((f) => f.total.includes(total.subject));
  return !!family && family.parts.includes(part.subject) && (part.subject !== null || part.candidates.length === 0);
}

/** Readings of a subject in its sentence: 「含上年结转」 narrows 收到; 自然人 takes the row of the claim it details. */
function readingsOf(subject: SubjectDef, sentence: string, earlier: Claim[]): Reading[] {
  if (subject.applicant) {
    const parent = [...earlier].reverse().find((c) => c.subject === 'received' || c.subject === 'new_received');
    if (!parent) return [];
    return parent.readings.map((r) => ({
      targets: r.targets.map((t) => (t.table === 'applications' ? { ...t, columns: subject.applicant! } : t)),
      name: r.name.replace(/总计$/, subject.applicant!.length === 1 ? '自然人' : '法人或其他组织'),
    }));
  }
  return subject.variants?.find((v) => v.when.test(sentence))?.readings ?? subject.readings;
}

function zeroClaims(sentence: string, ctx: SentenceContext, year: number | null, out: Claim[]): void {
  for (const z of ZERO_CLAIMS) {
    const m = z.pattern.exec(sentence);
    if (!m) continue;
    const rest = sentence.slice(m.index + m[0].length).split(/[，,；;。]/)[0] ?? '';
    if (ZERO_VOID.test(rest)) continue;
    for (const { subject } of z.subjects) {
      const def = SUBJECTS.find((s) => s.key === subject)!;
      const claim: Claim = {
        kind: 'zero',
        part: ctx.part,
        paragraph: ctx.paragraph,
        sentence,
        quote: quoteAround(sentence, m.index, m.index + m[0].length),
        lead: m[0],
        plain: true,
        subject,
        candidates: [subject],
        value: 0,
        unit: '件',
        mention: null,
        year,
        status: year !== null && year !== ctx.reportYear ? 'other-year' : 'comparable',
        reason: null,
        readings: def.readings.slice(0, 1),
        opensEnumeration: false,
        partOf: null,
        exhaustive: false,
      };
      const end = m.index + m[0].length;
      markOtherSubject(
        claim,
        { clause: clauseOf(sentence.slice(0, end)), lead: sentence.slice(0, end), sentence },
        ctx.level,
      );
      out.push(claim);
    }
  }
}

function outcomeClaims(sentence: string, ctx: SentenceContext, year: number | null, out: Claim[]): void {
  const review = /复议/.test(sentence);
  const litigation = /诉讼|起诉|胜诉|败诉/.test(sentence);
  if (!review && !litigation) return;
  const groups = [...(review ? ['review'] : []), ...(litigation ? LITIGATION_GROUPS : [])];
  for (const o of OUTCOME_CLAIMS) {
    const m = o.pattern.exec(sentence);
    if (!m) continue;
    out.push({
      kind: 'outcome',
      part: ctx.part,
      paragraph: ctx.paragraph,
      sentence,
      quote: quoteAround(sentence, m.index, m.index + m[0].length),
      lead: m[0],
      plain: true,
      subject: o.key,
      candidates: [o.key],
      value: 0,
      unit: '件',
      mention: null,
      year,
      status: year !== null && year !== ctx.reportYear ? 'other-year' : 'comparable',
      reason: null,
      readings: [],
      outcome: { columns: o.columns, groups, wording: o.wording },
      opensEnumeration: false,
      partOf: null,
      exhaustive: false,
    });
  }
}

/** The year a sentence as a whole speaks of, for claims that carry no number. */
function sentenceYear(sentence: string, ctx: SentenceContext): number | null {
  const years = findMentions(sentence).filter(isYear);
  if (years.length) return years[0]!.value;
  if (LAST_YEAR.test(sentence) && ctx.reportYear !== null) return ctx.reportYear - 1;
  return ctx.paragraphYear;
}

function isSubheading(line: string): boolean {
  return line.length <= SUBHEADING_MAX && !/[。！？]$/.test(line.trim());
}

/** The date a paragraph opens with: 「2022年，…」. */
export function paragraphYear(line: string): number | null {
  const m = LEADING_YEAR.exec(line);
  return m ? Number(m[1]) : null;
}

/** Every claim the narrative parts of the report make, compared or not. */
export function extractClaims(report: AnnualReport): Claim[] {
  const claims: Claim[] = [];
  for (const section of report.sections) {
    const part = section.key;
    if (part === null || !NARRATIVE_PARTS.includes(part)) continue;
    let headingTopic: TopicKey | null = null;
    section.text.split('\n').forEach((raw, paragraph) => {
      const line = simplified(halfWidthDigits(raw.trim()));
      if (!line) return;
      const ctx: SentenceContext = {
        part,
        paragraph,
        level: report.meta.agencyLevel ?? null,
        reportYear: report.meta.year,
        paragraphYear: paragraphYear(line),
        topic: headingTopic,
      };
      for (const sentence of line.split(SENTENCE_END)) {
        if (!sentence.trim()) continue;
        const year = sentenceYear(sentence, ctx);
        zeroClaims(sentence, ctx, year, claims);
        outcomeClaims(sentence, ctx, year, claims);
        numberClaims(sentence, ctx, claims);
        ctx.topic = lastTopic(sentence) ?? ctx.topic;
      }
      headingTopic = isSubheading(line) ? lastTopic(line) : null;
    });
  }
  return claims;
}
