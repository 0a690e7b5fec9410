import { z } from 'zod';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export const Finding = z.object({
  file: z.string(),
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  rule: z.string(),
  severity: Severity,
  /** where, in the report's own words: 表三/（七）总计/自然人 */
  location: z.string(),
  expected: z.string(),
  actual: z.string(),
  /** one Chinese sentence an auditor understands without the rule list */
  message: z.string(),
  page: z.number().int().positive().nullable(),
});
export type Finding = z.infer<typeof Finding>;

/**
 * The few shapes a Finding takes on its way, all derived from it: what a rule
 * says (the engine adds file, agency, year, rule id and default severity),
 * the finding a run tracks across runs, and what the history store keeps.
 */
export type RuleFinding = Pick<Finding, 'location' | 'message'> &
  Partial<Pick<Finding, 'severity' | 'page'>> & {
    expected?: string | number | null;
    actual?: string | number | null;
  };

export type FindingStatus = 'new' | 'persisting';

/** A finding as a run reports it: with its fingerprint, history status and triage decision. */
export type RunFinding = Finding & { fingerprint: string; status: FindingStatus; triage: string };

/** What the history store keeps of a finding. */
export type StoredFinding = Pick<RunFinding, 'fingerprint' | 'file' | 'rule' | 'location' | 'severity' | 'message'>;

/** A finding some earlier run reported and no later run over its file resolved. */
export type OpenFinding = Pick<RunFinding, 'fingerprint' | 'file'>;
