/**
 * `Accept-Encoding` read by RFC 9110: a coding with weight 0 is refused, and so is one whose weight is not a qvalue
 * (§12.4.2: "0" with at most 3 decimals, or "1" with at most 3 zeros; "q=" with no space): a weight the server cannot
 * read never turns into "allowed", not even through `*`.
 */
import { describe, expect, it } from 'vitest';
import { pickEncoding } from './content-encoding.ts';

const both = ['br', 'gzip'] as const;
const pick = (header: string | undefined) => pickEncoding(header, [...both]);

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, then none', () => {
    expect(pick('gzip, deflate, br, zstd')).toBe('br');
    expect(pick('gzip')).toBe('gzip');
    expect(pick('deflate')).toBeUndefined();
    expect(pick('')).toBeUndefined();
    expect(pick(undefined)).toBeUndefined();
    expect(pick('*')).toBe('br');
    expect(pickEncoding('br', ['gzip'])).toBeUndefined();
  });

  it.each([
    ['br;q=1', 'br'],
    ['br;q=1.000', 'br'],
    ['br;q=1.', 'br'],
    ['br;q=0.5, gzip', 'br'],
    ['br;q=0.001, gzip', 'br'],
    ['BR;Q=0.5', 'br'],
    ['br ; q=0.5', 'br'],
    ['br;\tq=0.5 ,gzip', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.0, gzip', 'gzip'],
    ['br;q=0., gzip', 'gzip'],
    ['br;q=0.000, gzip', 'gzip'],
    ['br ;  q=0 , gzip', 'gzip'],
    ['*;q=0.5', 'br'],
    ['br;q=0, *', 'gzip'],
    ['*, br;q=0', 'gzip'],
    ['gzip, *;q=0', 'gzip'],
  ])('a valid weight: %j picks %s', (header, expected) => {
    expect(pick(header)).toBe(expected);
  });

  it.each([
    'br;q=abc',
    'br;q=1.5',
    'br;q=2',
    'br;q=-1',
    'br;q=0.0001',
    'br;q=1.0001',
    'br;q=1.001',
    'br;q=.5',
    'br;q=0x1',
    'br;q=1e0',
    'br;q=',
    'br;q= 0.5',
    'br;q =0.5',
    'br;q=0.5x',
    'br;q=Infinity',
  ])('an invalid weight makes the coding not acceptable, alone or beside * and gzip: %j', (header) => {
    expect(pick(header)).toBeUndefined();
    expect(pick(`${header}, *`)).toBe('gzip');
    expect(pick(`${header}, gzip`)).toBe('gzip');
  });
});
