import type { AnnualReport } from '../../model/report.js';
import type { RuleFinding } from '../rule.js';
import { place } from '../../model/places.js';
import { NARRATIVE_MAX_CHARS, extractClaims, type Claim, type NarrativeExtent } from './extract.js';
import { partName, proseSumFindings, shareChecks, shareFinding, staleYearFindings } from './prose-checks.js';
import { readingValue, type ReadingValue } from './targets.js';

export interface Comparison {
  claim: Claim;
  /** the table's number under each reading the words allow */
  values: ReadingValue[];
  consistent: boolean;
}

export interface NarrativeAnalysis {
  /** every count, amount, share, zero and outcome statement found in the narrative */
  claims: Claim[];
  /** claims set against the tables (or, for shares, against their stated denominator) */
  compared: Comparison[];
  /** claims whose words allow several subjects, or approximate, or changes rather than counts */
  ambiguous: Claim[];
  /** claims with one subject that stayed uncompared: another year, another office's or documents' count, or the table's cells unknown */
  uncompared: Claim[];
  tableMismatches: RuleFinding[];
  sumMismatches: RuleFinding[];
  shareMismatches: RuleFinding[];
  staleYears: RuleFinding[];
  /** the narrative was longer than NARRATIVE_MAX_CHARS: its claims were read from the first part only */
  cutShort: RuleFinding[];
}

function shorten(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e4) / 1e4);
}

/** Equal at the precision the prose writes: 「18.87万元」 matches a cell of 18.8710. */
function sameNumber(claim: Claim, value: number): boolean {
  if (claim.kind !== 'money') return claim.value === value;
  const digits = /\.(\d+)/.exec(claim.mention?.raw ?? '')?.[1]?.length ?? 0;
  return Math.abs(claim.value - value) <= 0.5 * 10 ** -digits + 1e-9;
}

function compareCount(report: AnnualReport, claim: Claim): Comparison | null {
  const values = claim.readings.map((r) => readingValue(report, r));
  if (values.length === 0 || values.some((v) => v === null)) return null;
  const known = values as ReadingValue[];
  return { claim, values: known, consistent: known.some((v) => sameNumber(claim, v.value)) };
}

function countMismatch(claim: Claim, values: ReadingValue[]): RuleFinding {
  const where = `${partName(claim)} ↔ ${values[0]!.reading.name}`;
  const told = values.map((v) => `${v.reading.name} 为 ${shorten(v.value)}`).join('，');
  return {
    location: where,
    expected: [...new Set(values.map((v) => shorten(v.value)))].join(' 或 '),
    actual: claim.quote,
    page: values[0]!.page,
    message: `${partName(claim)}写明“${claim.quote}”，但${told}${values.length > 1 ? '，两种理解均不相符' : ''}。`,
  };
}

/** 「均获维持」「未被纠错」 against the 表四 cells they say are 0. */
function compareOutcome(
  report: AnnualReport,
  claim: Claim,
): { comparison: Comparison; findings: RuleFinding[] } | null {
  const { columns, groups, wording } = claim.outcome!;
  const values: ReadingValue[] = [];
  for (const group of groups) {
    for (const column of columns) {
      const name = place.reviewCell(group, column);
      const v = readingValue(report, { targets: [{ table: 'reviewLitigation', groups: [group], column }], name });
      if (v) values.push(v);
    }
  }
  if (values.length === 0) return null;
  const wrong = values.filter((v) => v.value !== 0);
  const findings = wrong.map((v) => ({
    location: `${partName(claim)} ↔ ${v.reading.name}`,
    expected: 0,
    actual: claim.quote,
    page: v.page,
    message: `${partName(claim)}称“${wording}”（“${claim.quote}”），但${v.reading.name}为 ${v.value}。`,
  }));
  return { comparison: { claim, values, consistent: wrong.length === 0 }, findings };
}

function tableComparisons(report: AnnualReport, claims: Claim[]) {
  const compared: Comparison[] = [];
  const uncompared: Claim[] = [];
  const findings: RuleFinding[] = [];
  for (const claim of claims) {
    if (claim.kind === 'percent' || claim.status === 'unmapped' || claim.status === 'ambiguous') continue;
    if (claim.status === 'other-year' || claim.status === 'other-subject') {
      uncompared.push(claim);
      continue;
    }
    if (claim.kind === 'outcome') {
      const r = compareOutcome(report, claim);
      if (!r) uncompared.push(claim);
      else {
        compared.push(r.comparison);
        findings.push(...r.findings);
      }
      continue;
    }
    const c = compareCount(report, claim);
    if (!c) uncompared.push(claim);
    else {
      compared.push(c);
      if (!c.consistent) findings.push(countMismatch(claim, c.values));
    }
  }
  return { compared, uncompared, findings };
}

function cutShortFindings(extent: NarrativeExtent): RuleFinding[] {
  if (extent.read >= extent.total) return [];
  return [
    {
      location: '正文',
      actual: `${extent.total} 字`,
      message: `正文叙述部分长达 ${extent.total} 字，超过核对上限 ${NARRATIVE_MAX_CHARS} 字：只核对了前 ${extent.read} 字中的数字，其余未与表格比对。`,
      severity: 'info',
    },
  ];
}

function analyze(report: AnnualReport): NarrativeAnalysis {
  const extent: NarrativeExtent = { total: 0, read: 0 };
  const claims = extractClaims(report, extent);
  const table = tableComparisons(report, claims);
  const shares = shareChecks(claims);
  const shareMismatches = shares.checks.flatMap((c) => {
    const f = shareFinding(c);
    return f ? [f] : [];
  });
  const shareComparisons = shares.checks.map((c) => ({
    claim: c.share,
    values: [
      { reading: { targets: [], name: `${c.numerator.value}÷${c.denominator.value}` }, value: c.expected, page: null },
    ],
    consistent: shareFinding(c) === null,
  }));
  return {
    claims,
    compared: [...table.compared, ...shareComparisons],
    ambiguous: [...claims.filter((c) => c.status === 'ambiguous'), ...shares.unresolved],
    uncompared: table.uncompared,
    tableMismatches: table.findings,
    sumMismatches: proseSumFindings(claims),
    shareMismatches,
    staleYears: staleYearFindings(report, claims),
    cutShort: cutShortFindings(extent),
  };
}

const cache = new WeakMap<AnnualReport, NarrativeAnalysis>();

/** What the narrative states in numbers and how it compares with the tables; computed once per report. */
export function analyzeNarrative(report: AnnualReport): NarrativeAnalysis {
  let result = cache.get(report);
  if (!result) {
    result = analyze(report);
    cache.set(report, result);
  }
  return result;
}
