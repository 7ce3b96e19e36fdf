import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV writer', () => {
  it.each([
    ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
    ['+1+1', `"'+1+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['="a","b"', `"'=""a"",""b"""`],
  ])('item 6: neutralises a cell a spreadsheet would run as a formula: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('item 6: leaves plain text, our own numbers and empty cells alone, and quotes separators', async () => {
    expect(csvCell('ads')).toBe('ads');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"\n')).toBe('"say ""hi""\n"');
  });

  it("writes for Russian Excel (decision 060): `;` between cells, a decimal comma, text's points untouched", () => {
    expect(toCsv(['id', 'source'], [[1, '=1+1']])).toBe(`id;source\r\n1;"'=1+1"\r\n`);
    expect(toCsv(['share', 'version'], [[12.5, '1.5']])).toBe('share;version\r\n12,5;1.5\r\n');
  });
});
