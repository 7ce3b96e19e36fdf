/** The one reading of an uploaded CSV: UTF-8 (BOM or not) when the bytes are UTF-8, else Russian Excel's Windows-1251. */
import { describe, expect, it } from 'vitest';
import { csvText, fileText } from './csv-text.ts';
import { excelUnicodeText } from './testing/excel-unicode-text.ts';
import { windows1251 } from './testing/windows-1251.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const EXCEL_RU = 'id;title\r\n1;Улун молочный «Ёлка» №1\r\n';

describe('csvText', () => {
  it('reads UTF-8 with and without a BOM (the BOM dropped), and plain ASCII', () => {
    expect(csvText(utf8(EXCEL_RU))).toBe(EXCEL_RU);
    expect(csvText(utf8(`\uFEFF${EXCEL_RU}`))).toBe(EXCEL_RU);
    expect(csvText(utf8('code\nAAA-1\n'))).toBe('code\nAAA-1\n');
    expect(csvText(new Uint8Array())).toBe('');
  });

  it('reads what Russian Excel saves (Windows-1251) as Cyrillic, never U+FFFD', () => {
    const bytes = windows1251(EXCEL_RU);
    expect(csvText(bytes)).toBe(EXCEL_RU);
    expect(csvText(bytes.buffer as ArrayBuffer)).toBe(EXCEL_RU);
  });

  it("is the office's reading of a picked file too (File.text() would read Windows-1251 as U+FFFD)", async () => {
    const file = new File([windows1251(EXCEL_RU)], 'offers.csv', { type: 'text/csv' });
    expect(await file.text()).toContain('\uFFFD');
    expect(await fileText(file)).toBe(EXCEL_RU);
    expect(await fileText(new File([utf8(`\uFEFF${EXCEL_RU}`)], 'offers.csv'))).toBe(EXCEL_RU);
  });

  it("reads UTF-16 with its BOM (Excel's «Текст Юникод», little-endian; big-endian too) as the text it is (found from outside: read as Windows-1251, «яю» and NULs)", () => {
    const text = 'Промокод\tНоминал, ₽\r\nAAA-1\t500\r\n';
    expect(csvText(excelUnicodeText(text))).toBe(text);
    const bigEndian = excelUnicodeText(text);
    for (let i = 0; i < bigEndian.length; i += 2)
      [bigEndian[i], bigEndian[i + 1]] = [bigEndian[i + 1] as number, bigEndian[i] as number];
    expect(csvText(bigEndian)).toBe(text);
  });
});
