import type { AnnualReport } from '../model/report.js';

/**
 * An agency name as a matching key: width-folded, without spaces, brackets'
 * contents or punctuation, so that 「XX市 人力资源和社会保障局」 and
 * 「XX市人力资源和社会保障局（本级）」 meet across years.
 */
export function normalizeAgency(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s·•、，,。.“”"'‘’《》<>\-—_]/g, '');
}

/**
 * The corpus by (agency, year), for cross-year rules: the index holds keys,
 * and `load` turns a key into its report (the callers keep the reports, or
 * their digests, in memory).
 */
export class CorpusIndex {
  private readonly byKey = new Map<string, string>();

  constructor(private readonly load: (key: string) => AnnualReport | null) {}

  add(agency: string | null, year: number | null, key: string): void {
    if (!agency || year === null) return;
    const k = `${normalizeAgency(agency)}\u0000${year}`;
    if (!this.byKey.has(k)) this.byKey.set(k, key);
  }

  reportFor(agency: string, year: number): AnnualReport | null {
    const key = this.byKey.get(`${normalizeAgency(agency)}\u0000${year}`);
    return key === undefined ? null : this.load(key);
  }
}
