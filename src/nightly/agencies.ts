import { agencyKey, withoutParentRegions } from '../model/agencies.js';
import type { AnnualReport } from '../model/report.js';

/**
 * An agency name as a matching key: width-folded, Simplified, without spaces,
 * brackets' contents or punctuation, so that 「XX市 人力资源和社会保障局」 and
 * 「XX市人力资源和社会保障局（本级）」 meet across years (src/model/agencies.ts).
 */
export function normalizeAgency(name: string): string {
  return agencyKey(name);
}

interface Entry {
  key: string;
  file: string;
}

/**
 * The corpus by (agency, year), for cross-year rules: the index holds keys,
 * and `load` turns a key into its report (the callers keep the reports, or
 * their digests, in memory). An agency named with its parent region one year
 * and without it the next (淮安市洪泽区人民政府, 洪泽区人民政府) is one agency
 * when exactly one report fits; two reports naming different parents never
 * meet. manifest.csv's agency, applied before the index is built, wins over both.
 */
export class CorpusIndex {
  private readonly byKey = new Map<string, string>();
  private readonly byShortKey = new Map<string, Entry[]>();

  constructor(private readonly load: (key: string) => AnnualReport | null) {}

  add(agency: string | null, year: number | null, file: string): void {
    if (!agency || year === null) return;
    const key = agencyKey(agency);
    const k = `${key}\u0000${year}`;
    if (this.byKey.has(k)) return;
    this.byKey.set(k, file);
    const short = `${withoutParentRegions(key)}\u0000${year}`;
    this.byShortKey.set(short, [...(this.byShortKey.get(short) ?? []), { key, file }]);
  }

  /** The file of this agency's report for `year`, or undefined. */
  fileFor(agency: string, year: number): string | undefined {
    const key = agencyKey(agency);
    const exact = this.byKey.get(`${key}\u0000${year}`);
    if (exact !== undefined) return exact;
    const short = withoutParentRegions(key);
    const fits = (this.byShortKey.get(`${short}\u0000${year}`) ?? []).filter((e) => e.key === short || key === short);
    return fits.length === 1 ? fits[0]!.file : undefined;
  }

  reportFor(agency: string, year: number): AnnualReport | null {
    const key = this.fileFor(agency, year);
    return key === undefined ? null : this.load(key);
  }
}
