import { describe, expect, it } from 'vitest';
import { BODY_MAX, checkField } from './ticket-limits.ts';

describe('the ticket form checks its fields as the server does', () => {
  it('text of only spaces, zero-width or control characters is as missing as none (the server says blank_text)', () => {
    for (const blank of ['', '   ', '\u200b\u200c', '\u2060\ufeff', '\u0007 \u0001']) {
      expect(checkField(blank, BODY_MAX), JSON.stringify(blank)).toBe('required');
    }
    expect(checkField('\u200bКод', BODY_MAX)).toBeUndefined();
    expect(checkField('к'.repeat(BODY_MAX + 1), BODY_MAX)).toBe('tooLong');
  });
});
