/**
 * The shared CSV reader (server/http/csv-records.ts): a line break inside a quoted cell is a line of the file whatever
 * it is written with, so the lines after it are named by the numbers the manager's editor shows. Before, a CR alone
 * (a CR-only file: old Mac Excel, some 1C exports) was not counted inside a cell, and every line after it was named one
 * too early. Several separators at once are the prize calendar's way (decision 083).
 */
import { describe, expect, it } from 'vitest';
import { csvRecords, withoutTextMarker } from './csv-records.ts';

describe('csvRecords', () => {
  it('counts a CR alone inside a quoted cell as a new line, as it counts LF and CRLF (CRLF once)', () => {
    const lines = (text: string) => csvRecords(text, ';').map((r) => [r.line, r.fields[0]]);
    const expected = [
      [1, 'id'],
      [2, 'A'],
      [4, 'C'],
    ];
    expect(lines('id;title\r"A";"two\rlines"\rC;y\r')).toEqual(expected);
    expect(lines('id;title\n"A";"two\nlines"\nC;y\n')).toEqual(expected);
    expect(lines('id;title\r\n"A";"two\r\nlines"\r\nC;y\r\n')).toEqual(expected);
    expect(csvRecords('id;title\r"A";"two\rlines"\r', ';')[1]?.fields).toEqual(['A', 'two\rlines']);
  });

  it('splits at any of several separators, a quoted one kept in its cell', () => {
    expect(csvRecords('mug;"a, b"\tc,d', [',', ';', '\t'])[0]?.fields).toEqual(['mug', 'a, b', 'c', 'd']);
  });

  it('takes off the apostrophe that keeps a value as text, once, and nothing else', () => {
    expect(["'LEAD-1", "''x", 'LEAD-1', "O'Brien"].map(withoutTextMarker)).toEqual([
      'LEAD-1',
      "'x",
      'LEAD-1',
      "O'Brien",
    ]);
  });
});
