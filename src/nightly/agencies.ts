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

export interface IndexedReport {
  sha256: string;
  report: AnnualReport | null;
}

/**
 * The corpus by (agency, year), for cross-year rules. Reports are loaded
 * lazily from the store, so the index holds keys, not models; a small cache
 * keeps the neighbour years of the report being checked.
 */
export class CorpusIndex {
  private readonly byKey = new Map<string, string>();
  private readonly cache = new Map<string, AnnualReport | null>();

  constructor(
    private readonly load: (key: string) => AnnualReport | null,
    private readonly cacheSize = 64,
  ) {}

  add(agency: string | null, year: number | null, key: string): void {
    if (!agency || year === null) return;
    const k = `${normalizeAgency(agency)}\u0000${year}`;
    if (!this.byKey.has(k)) this.byKey.set(k, key);
  }

  reportFor(agency: string, year: number): AnnualReport | null {
    const key = this.byKey.get(`${normalizeAgency(agency)}\u0000${year}`);
    if (key === undefined) return null;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const report = this.load(key);
    if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, report);
    return report;
  }
}
