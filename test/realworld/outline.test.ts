import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditBytes } from '../../src/pipeline.js';
import { normalizeLabel } from '../../src/structure/labels.js';
import { EXCERPTS } from '../structure/excerpt-parts.js';

const REALWORLD = join(import.meta.dirname, '../../../shared/realworld');
const present = existsSync(REALWORLD);
if (!present)
  console.warn(`test/realworld/outline: ${REALWORLD} is absent — real-document checks of the outline SKIPPED`);

const audit = async (file: string) => auditBytes(readFileSync(join(REALWORLD, file)), file);
const OUTLINE_RULES = ['structure/section-order', 'structure/heading-mislabeled', 'structure/not-a-report'];
const outlineFindings = (findings: { rule: string; severity: string; location: string }[]) =>
  findings.filter((f) => OUTLINE_RULES.includes(f.rule)).map((f) => [f.rule, f.severity, f.location]);

const TEMPLATE_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

describe.skipIf(!present)('the outline of real documents', () => {
  /** parts and pages as read on the rendered pages (pdftoppm) */
  const HONGZE_PAGES = [1, 2, 3, 4, 4, 5];
  for (const file of ['hongze-gov-2023.pdf', 'hongze-gov-2024.pdf']) {
    it(`${file}: six parts on their pages; the （一）…（五） sub-headings of 一 are not parts`, async () => {
      const { report, findings } = await audit(file);
      expect(report!.sections.map((s) => [s.printed, s.heading, s.number, s.page])).toEqual(
        TEMPLATE_HEADINGS.map((h, i) => [h.slice(0, 2), h, i + 1, HONGZE_PAGES[i]]),
      );
      expect(report!.sections[0]!.text).toContain('（五）政府信息公开监督保障情况。');
      expect(outlineFindings(findings)).toEqual([]);
    });
  }

  for (const year of [2019, 2020, 2021, 2025]) {
    it(`pingtan-gov-${year}.page.txt: a crawler's flattened text still has its six parts, cut mid-line`, async () => {
      const { report, findings } = await audit(`pingtan-gov-${year}.page.txt`);
      expect(report!.sections.map((s) => s.heading)).toEqual(TEMPLATE_HEADINGS);
      expect(report!.sections[0]!.text.startsWith(`${year}年`)).toBe(true);
      expect(outlineFindings(findings)).toEqual([]);
      expect(findings.filter((f) => f.rule === 'structure/missing-section')).toEqual([]);
    });
  }

  /** heading findings the visible text really shows (excerpts.json, basis "real") */
  const REAL: Record<string, [string, string, string][]> = {
    'kaiping-shatangzhen-2021': [['structure/heading-mislabeled', 'info', '五、存在的主要问题及改进情况']],
    'songyang-dadongbazhen-2021': [
      ['structure/heading-mislabeled', 'info', '一、总体情况'],
      ['structure/heading-mislabeled', 'info', '二、主动公开政府信息情况'],
    ],
  };
  for (const [name, parts] of EXCERPTS) {
    it(`${name}: its parts as printed, and no heading or order finding the page does not show`, async () => {
      const { report, findings } = await audit(`excerpts/${name}.excerpt.txt`);
      expect(report!.sections.map((s) => [s.printed, normalizeLabel(s.heading), s.number])).toEqual(
        parts.map(([printed, text, part]) => [printed, normalizeLabel(`${printed}${text}`), part]),
      );
      expect(outlineFindings(findings)).toEqual(REAL[name] ?? []);
    });
  }
});
