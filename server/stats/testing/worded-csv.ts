/**
 * @module Reading a worded stats CSV back by key in tests: the header, the table column and the metric column go
 * through the labels (stats-csv-labels.ts) the other way, so a test can say `row.active_users` of a Russian file.
 */
import { csvKeyOf } from '../stats-csv-labels.ts';

export function byKey(rows: Record<string, string>[]): Record<string, string>[] {
  return rows.map((row) => {
    const out: Record<string, string> = {};
    for (const [label, value] of Object.entries(row)) {
      const key = csvKeyOf(label);
      out[key] = key === 'table' || key === 'metric' ? csvKeyOf(value) : value;
    }
    return out;
  });
}
