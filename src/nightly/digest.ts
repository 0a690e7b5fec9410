import type { ActiveDisclosureTable, AnnualReport } from '../model/report.js';

/** The rows of 表三 the cross-year rules compare between an agency's consecutive reports. */
const CARRY_ROWS = ['carried_over', 'carried_forward'];

/**
 * What the cross-year rules read of a report, as a report: its meta and
 * templates, 表三's carry-over rows and 表二's 第二十条第（一）项. A warm run
 * loads this (a few hundred bytes) instead of the whole model.
 * test/nightly/digest.test.ts holds the rules to it: same findings either way.
 */
export function corpusDigest(report: AnnualReport): AnnualReport {
  const { applications, activeDisclosure } = report.tables;
  const carry = applications
    ? Object.fromEntries(CARRY_ROWS.flatMap((k) => (applications[k] ? [[k, applications[k]]] : [])))
    : null;
  const art20: ActiveDisclosureTable | null = activeDisclosure
    ? activeDisclosure.art20_1
      ? { art20_1: activeDisclosure.art20_1 }
      : {}
    : null;
  return {
    ...report,
    sections: [],
    uncertain: [],
    diagnostics: [],
    tables: { applications: carry, activeDisclosure: art20, reviewLitigation: null },
  };
}
