import { describe, expect, it } from 'vitest';
import { composeKey, newClientKey } from './client-key.ts';

describe('a composed text keeps its key across retries', () => {
  it('the same text sent again carries the same key; edited text, or the next text after a send, a new one', () => {
    const keys = composeKey();
    const first = keys.keyFor('["Код","Не пришёл"]');
    expect(first).toMatch(/^[0-9a-f]{24}$/);
    expect(keys.keyFor('["Код","Не пришёл"]')).toBe(first);
    const edited = keys.keyFor('["Код","Не пришёл код"]');
    expect(edited).not.toBe(first);
    expect(keys.keyFor('["Код","Не пришёл код"]')).toBe(edited);
    keys.sent();
    expect(keys.keyFor('["Код","Не пришёл код"]')).not.toBe(edited);
  });

  it('keys match what the server takes (8–64 of A–Z a–z 0–9 _ -) and do not repeat', () => {
    const many = new Set(Array.from({ length: 1000 }, newClientKey));
    expect(many.size).toBe(1000);
    for (const k of many) expect(k).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
