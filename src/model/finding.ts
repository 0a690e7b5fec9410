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
