/**
 * Text as Excel's «Текст Юникод (*.txt)» / "Unicode Text" saves a sheet: UTF-16 little-endian with its BOM (FF FE),
 * cells separated by tabs. What a brand gets when «CSV» would have lost letters Windows-1251 has not.
 * @example excelUnicodeText('Промокод\tНоминал\r\n') // Uint8Array [0xff, 0xfe, 0x1f, 0x04, …]
 */
export function excelUnicodeText(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, true);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + 2 * i, text.charCodeAt(i), true);
  return bytes;
}
