import { parseString } from 'fast-csv';

/** Rows of a small side file (manifest, triage) as objects keyed by the trimmed, lower-cased header; BOM dropped. */
export function csvRecords(text: string): Promise<Record<string, string>[]> {
  return new Promise((resolve, reject) => {
    const rows: Record<string, string>[] = [];
    parseString<Record<string, string>, Record<string, string>>(text.replace(/^\ufeff/, ''), {
      headers: (header) => header.map((h) => h?.trim().toLowerCase()),
      ignoreEmpty: true,
      trim: true,
      discardUnmappedColumns: true,
    })
      .on('error', reject)
      .on('data', (row: Record<string, string>) => rows.push(row))
      .on('end', () => resolve(rows));
  });
}
