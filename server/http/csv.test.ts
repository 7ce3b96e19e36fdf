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
    expect(csvCell(value, 'ru')).toBe(cell);
    expect(csvCell(value, 'en')).toBe(cell);
  });

  it('item 6: leaves plain text, our own numbers and empty cells alone, and quotes separators', async () => {
    expect(csvCell('ads', 'ru')).toBe('ads');
    expect(csvCell(-3, 'ru')).toBe('-3');
    expect(csvCell(null, 'ru')).toBe('');
    expect(csvCell('a,b', 'ru')).toBe('"a,b"');
    expect(csvCell('a;b', 'ru')).toBe('"a;b"');
    expect(csvCell('say "hi"\n', 'ru')).toBe('"say ""hi""\n"');
  });

  it("writes for Russian Excel (decision 060): `;` between cells, a decimal comma, text's points untouched", () => {
    expect(toCsv(['id', 'source'], [[1, '=1+1']], 'ru')).toBe(`id;source\r\n1;"'=1+1"\r\n`);
    expect(toCsv(['share', 'version'], [[12.5, '1.5']], 'ru')).toBe('share;version\r\n12,5;1.5\r\n');
  });

  it('writes for English Excel when the office is in English (decision 075): `,` between cells, a decimal point', () => {
    // Red before: every file was `;`-separated, which English Excel opens as one column.
    expect(toCsv(['id', 'source'], [[1, '=1+1']], 'en')).toBe(`id,source\r\n1,"'=1+1"\r\n`);
    expect(toCsv(['share', 'version', 'note'], [[12.5, '1.5', 'a,b']], 'en')).toBe(
      'share,version,note\r\n12.5,1.5,"a,b"\r\n',
    );
    expect(csvCell('a;b', 'en')).toBe('"a;b"');
  });
});
