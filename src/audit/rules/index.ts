import type { Rule } from '../rule.js';
import { rule as activeDisclosureRegulationsWithoutPower } from './active-disclosure-regulations-without-power.js';
import { rule as applicationsBalance } from './applications-balance.js';
import { rule as applicationsOutcomeTotal } from './applications-outcome-total.js';
import { rule as applicationsRowTotal } from './applications-row-total.js';
import { rule as corpusCopiesDisagree } from './corpus-copies-disagree.js';
import { rule as crossYearCarryOver } from './cross-year-carry-over.js';
import { rule as crossYearInForceStock } from './cross-year-in-force-stock.js';
import { rule as extractUncertainTable } from './extract-uncertain-table.js';
import { rule as extractUnreadable } from './extract-unreadable.js';
import { rule as metaPublishedLate } from './meta-published-late.js';
import { rule as metaTemplateOutdated } from './meta-template-outdated.js';
import { rule as metaYearMismatch } from './meta-year-mismatch.js';
import { rule as narrativeTableMismatch } from './narrative-table-mismatch.js';
import { rule as narrativeSumMismatch } from './narrative-sum-mismatch.js';
import { rule as narrativeShareMismatch } from './narrative-share-mismatch.js';
import { rule as narrativeStaleYear } from './narrative-stale-year.js';
import { rule as reviewLitigationTotal } from './review-litigation-total.js';
import { rule as structureHeadingMislabeled } from './structure-heading-mislabeled.js';
import { rule as structureMissingRow } from './structure-missing-row.js';
import { rule as structureMissingSection } from './structure-missing-section.js';
import { rule as structureMissingTable } from './structure-missing-table.js';
import { rule as structureNotAReport } from './structure-not-a-report.js';
import { rule as structureRowMislabeled } from './structure-row-mislabeled.js';
import { rule as structureSectionOrder } from './structure-section-order.js';
import { rule as tableBlankCell } from './table-blank-cell.js';
import { rule as tableInvalidNumber } from './table-invalid-number.js';

/** Every rule, in the order findings are listed for one report. */
export const RULES: readonly Rule[] = [
  extractUnreadable,
  extractUncertainTable,
  structureNotAReport,
  structureMissingSection,
  structureSectionOrder,
  structureHeadingMislabeled,
  structureMissingTable,
  structureMissingRow,
  structureRowMislabeled,
  tableBlankCell,
  tableInvalidNumber,
  applicationsRowTotal,
  applicationsOutcomeTotal,
  applicationsBalance,
  reviewLitigationTotal,
  activeDisclosureRegulationsWithoutPower,
  narrativeTableMismatch,
  narrativeSumMismatch,
  narrativeShareMismatch,
  narrativeStaleYear,
  metaYearMismatch,
  metaTemplateOutdated,
  metaPublishedLate,
  // cross-year rules last: `merge` re-runs them after a file's other findings, keeping one order
  crossYearCarryOver,
  crossYearInForceStock,
  corpusCopiesDisagree,
];
