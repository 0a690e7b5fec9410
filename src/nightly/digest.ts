import type { ActiveDisclosureTable, AnnualReport } from '../model/report.js';

/**
 * What the corpus rules read of a report, as a report: its meta and
 * templates, 表三 and 表四, and 表二's 第二十条第（一）项. A warm run
 * loads this (a few hundred bytes) instead of the whole model.
 * test/nightly/digest.test.ts holds the rules to it: same findings either way.
 */
export function corpusDigest(report: AnnualReport): AnnualReport {
  const { applications, activeDisclosure } = report.tables;
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
    // 表三 and 表四 whole: corpus/copies-disagree compares the copies of one report cell by cell
    tables: { applications, activeDisclosure: art20, reviewLitigation: report.tables.reviewLitigation },
  };
}
