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
  return topicsOf(text)(text.length);
}

/**
 * The topic named last before each position of a sentence, from one scan of
 * it: the match ending last (the earlier-starting one on a tie) among those
 * that end by the position. No topic word holds a numeral, so none straddles
 * the start of a number and a prefix has the same matches as the sentence.
 */
function topicsOf(text: string): (end: number) => TopicKey | null {
  const matches: { key: TopicKey; start: number; end: number; order: number }[] = [];
  TOPICS.forEach((t, order) => {
    for (const m of text.matchAll(t.pattern))
      matches.push({ key: t.key, start: m.index, end: m.index + m[0].length, order });
  });
  matches.sort((a, b) => a.end - b.end || b.start - a.start || b.order - a.order);
  let at = -1;
  return (end) => {
    // asked at rising positions within one sentence; a lower position restarts the scan
    if (at >= 0 && matches[at]!.end > end) at = -1;
    while (at + 1 < matches.length && matches[at + 1]!.end <= end) at++;
    return at >= 0 ? matches[at]!.key : null;
  };
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

function quoteAround(sentence: string, start: number, end: number, breaks?: ClauseBreaks): string {
  const from = breaks ? breaks.before(start) : lastBreakBefore(sentence, start);
  const to = breaks ? breaks.after(end) : nextBreakAfter(sentence, end);
  const text = sentence.slice(from, to).replace(/[。！？]$/, '');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const CLAUSE_BREAKS = new RegExp(CLAUSE_BREAK.source, 'g');

function lastBreakBefore(sentence: string, start: number): number {
  let from = 0;
  for (const m of sentence.slice(0, start).matchAll(CLAUSE_BREAKS)) from = m.index + 1;
  return from;
}

function nextBreakAfter(sentence: string, end: number): number {
  const i = sentence.slice(end).search(CLAUSE_BREAK);
  return i < 0 ? sentence.length : end + i;
}

/** Where a sentence's clauses break, found once: quoting each of its numbers costs no rescan. */
interface ClauseBreaks {
  /** the start of the clause holding `at` (after the last break before it) */
  before(at: number): number;
  /** the first break from `at` on, or the sentence's end */
  after(at: number): number;
}

function clauseBreaks(sentence: string): ClauseBreaks {
  const at = [...sentence.matchAll(CLAUSE_BREAKS)].map((m) => m.index);
  // the first break at or after `pos`
  const firstFrom = (pos: number) => {
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    before: (pos) => {
      const i = firstFrom(pos) - 1;
      return i >= 0 ? at[i]! + 1 : 0;
    },
    after: (pos) => {
      const i = firstFrom(pos);
      return i < at.length ? at[i]! : sentence.length;
    },
  };
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
function yearBefore(mentions: Mention[], index: number, scan: SentenceScan, ctx: SentenceContext): number | null {
  const lastDate = scan.lastDate[index]!;
  const last = lastDate >= 0 ? mentions[lastDate]! : undefined;
  if (last && lastDate === index - 1) return last.value;
  const clause = clauseOf(scan.sentence.slice(index === 0 ? 0 : mentions[index - 1]!.end, mentions[index]!.start));
  if (LAST_YEAR.test(clause) && ctx.reportYear !== null) return ctx.reportYear - 1;
  if (THIS_YEAR.test(clause)) return ctx.reportYear;
  if (last) return last.value;
  if (scan.lastYearEnd <= mentions[index]!.start && ctx.reportYear !== null) return ctx.reportYear - 1;
  return ctx.paragraphYear;
}

/** The words 「结转至」 end with, and no more: the test looks at the tail of what precedes a year, not all of it. */
const DATE_WINDOW = 200;

function isDate(sentence: string, year: Mention): boolean {
  return (
    !YEAR_NOT_A_DATE.before.test(sentence.slice(Math.max(0, year.start - DATE_WINDOW), year.start)) &&
    !YEAR_NOT_A_DATE.after.test(sentence.slice(year.end))
  );
}

/**
 * What every number of a sentence asks of the sentence, found in one pass
 * each, so that a sentence's cost grows with its length, not with its length
 * times its numbers.
 */
interface SentenceScan {
  sentence: string;
  topicAt: (end: number) => TopicKey | null;
  breaks: ClauseBreaks;
  /** per mention, the index of the last year-as-date mention before it, or -1 */
  lastDate: number[];
  /** where the first 上年/去年 ends (no such word straddles a number's start, so a prefix holds it iff it ends there) */
  lastYearEnd: number;
  /** a pattern's test over the whole sentence, asked once */
  test: (pattern: RegExp) => boolean;
}

function scanSentence(sentence: string, mentions: Mention[]): SentenceScan {
  const lastDate: number[] = [];
  let date = -1;
  mentions.forEach((m, i) => {
    lastDate.push(date);
    if (isYear(m) && isDate(sentence, m)) date = i;
  });
  const lastYear = new RegExp(LAST_YEAR.source, 'g');
  let lastYearEnd = Number.POSITIVE_INFINITY;
  for (let m = lastYear.exec(sentence); m; m = lastYear.exec(sentence)) {
    lastYearEnd = Math.min(lastYearEnd, m.index + m[0].length);
    lastYear.lastIndex = m.index + 1;
  }
  const tested = new Map<RegExp, boolean>();
  return {
    sentence,
    topicAt: topicsOf(sentence),
    breaks: clauseBreaks(sentence),
    lastDate,
    lastYearEnd,
    test: (pattern) => {
      let hit = tested.get(pattern);
      if (hit === undefined) {
        hit = pattern.test(sentence);
        tested.set(pattern, hit);
      }
      return hit;
    },
  };
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
  const scan = scanSentence(sentence, mentions);
  let open: Claim | null = null;
  let openIndex = -1;
  let parent: Claim | null = null;
  mentions.forEach((m, i) => {
    const kind = kindOf(m.unit);
    if (!kind) return;
    const lead = sentence.slice(i === 0 ? 0 : mentions[i - 1]!.end, m.start);
    const clause = clauseOf(lead);
    const topic = scan.topicAt(m.start) ?? ctx.topic;
    const year = yearBefore(mentions, i, scan, ctx);
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
      quote: quoteAround(sentence, m.start, m.end, scan.breaks),
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
      readings: subject ? readingsOf(subject, scan, parent) : [],
      opensEnumeration: kind !== 'percent' && ENUMERATION.test(after),
      partOf: null,
      exhaustive: false,
    };
    if (subject?.applicant && claim.readings.length === 0) claim.status = 'unmapped';
    markOtherSubject(claim, { clause, lead, sentence }, ctx.level, scan.test);
    if (kind === 'percent') {
      out.push(claim);
      return;
    }
    if (open && isPartOf(open, claim, lead)) {
      claim.partOf = openIndex;
      claim.exhaustive = EXHAUSTIVE.test(sentence.slice(open.mention!.end));
    } else open = null;
    out.push(claim);
    if (claim.subject === 'received' || claim.subject === 'new_received') parent = claim;
    if (claim.opensEnumeration) {
      open = claim;
      openIndex = out.length - 1;
    }
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
  testSentence: (pattern: RegExp) => boolean = (pattern) => pattern.test(words.sentence),
): void {
  if (claim.status !== 'comparable' && claim.status !== 'other-year') return;
  const tables = new Set(claim.readings.flatMap((r) => r.targets.map((t) => t.table)));
  const hit = OTHER_SUBJECTS.find(
    (o) =>
      (!o.levels || o.levels.includes(level)) &&
      (!o.tables || [...tables].some((t) => o.tables!.includes(t)) || claim.kind === 'outcome') &&
      (o.scope === 'sentence' ? testSentence(o.pattern) : o.pattern.test(words[o.scope])),
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
function readingsOf(subject: SubjectDef, scan: SentenceScan, parent: Claim | null): Reading[] {
  if (subject.applicant) {
    if (!parent) return [];
    return parent.readings.map((r) => ({
      targets: r.targets.map((t) => (t.table === 'applications' ? { ...t, columns: subject.applicant! } : t)),
      name: r.name.replace(/总计$/, subject.applicant!.length === 1 ? '自然人' : '法人或其他组织'),
    }));
  }
  return subject.variants?.find((v) => scan.test(v.when))?.readings ?? subject.readings;
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
/**
 * How much narrative the claims are read from, at most: the longest real
 * report tells its year in some 30,000 characters; a page of megabytes of
 * prose is not a report to be read number by number, and its findings would
 * be noise by the thousand.
 */
export const NARRATIVE_MAX_CHARS = 500_000;

export interface NarrativeExtent {
  /** characters of the narrative parts */
  total: number;
  /** characters read for claims: all of them, or up to NARRATIVE_MAX_CHARS */
  read: number;
}

export function extractClaims(report: AnnualReport, extent?: NarrativeExtent): Claim[] {
  const claims: Claim[] = [];
  let total = 0;
  let read = 0;
  for (const section of report.sections) {
    const part = section.key;
    if (part === null || !NARRATIVE_PARTS.includes(part)) continue;
    let headingTopic: TopicKey | null = null;
    total += section.text.length;
    section.text.split('\n').forEach((raw, paragraph) => {
      const room = NARRATIVE_MAX_CHARS - read;
      if (room <= 0) return;
      read += Math.min(raw.length + 1, room);
      const line = simplified(halfWidthDigits((raw.length > room ? raw.slice(0, room) : raw).trim()));
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
  if (extent) Object.assign(extent, { total, read: Math.min(read, total) });
  return claims;
}
