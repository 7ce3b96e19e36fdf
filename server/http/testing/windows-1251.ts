/**
 * Text as Russian Excel's «CSV (разделители - запятые)» saves it: Windows-1251 bytes. The table is the platform
 * decoder's own, read backwards, so the bytes are exactly what that decoder (and Excel) maps to these letters.
 */
const decoded = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
const byteOf = new Map([...decoded].map((ch, i) => [ch, i]));

/**
 * @example windows1251('Приз') // Uint8Array [0xcf, 0xf0, 0xe8, 0xe7]
 */
export function windows1251(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from([...text], (ch) => {
    const byte = byteOf.get(ch);
    if (byte === undefined) throw new Error(`${JSON.stringify(ch)} has no Windows-1251 byte`);
    return byte;
  });
}
