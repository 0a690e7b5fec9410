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

export interface IndexedReport {
  sha256: string;
  report: AnnualReport | null;
}

interface Entry {
  key: string;
  file: string;
}

/**
 * The corpus by (agency, year), for cross-year rules. Reports are loaded
 * lazily from the store, so the index holds keys, not models; a small cache
 * keeps the neighbour years of the report being checked. An agency named with
 * its parent region one year and without it the next (淮安市洪泽区人民政府,
 * 洪泽区人民政府) is one agency when exactly one report fits; two reports
 * naming different parents never meet. manifest.csv's agency, applied
 * before the index is built, wins over both.
 */
export class CorpusIndex {
  private readonly byKey = new Map<string, string>();
  private readonly byShortKey = new Map<string, Entry[]>();
  private readonly cache = new Map<string, AnnualReport | null>();

  constructor(
    private readonly load: (key: string) => AnnualReport | null,
    private readonly cacheSize = 64,
  ) {}

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
    if (key === undefined) return null;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const report = this.load(key);
    if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, report);
    return report;
  }
}
