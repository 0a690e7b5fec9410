/** yyyy-mm-dd from a date's year, month and day as written (2024, 1, 20): the one form the model keeps dates in. */
export function isoDate(year: string, month: string, day: string): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
