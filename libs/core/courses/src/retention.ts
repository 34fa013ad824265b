/**
 * The last day a closed or declined course is kept: its end date plus the retention period in years.
 * A course ending on 29 February is kept until 1 March (never a day short of the full period).
 */
export function retentionUntil(endDate: string, years: number): string {
  const [y, m, d] = endDate.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}
