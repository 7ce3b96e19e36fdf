import { describe, expect, it } from 'vitest';
import { fill } from './i18n-fill.ts';

describe('fill', () => {
  it('puts each value in its placeholder, numbers as written, every occurrence', () => {
    expect(fill('Осталось {n} из {total}, {n}!', { n: 3, total: 10 })).toBe('Осталось 3 из 10, 3!');
    expect(fill('{zero}', { zero: 0 })).toBe('0');
  });

  it('leaves a placeholder with no value as written, and other braces alone', () => {
    expect(fill('Hi {name}, {first_name}', { name: 'Ann' })).toBe('Hi Ann, {first_name}');
    expect(fill('{ not a name } {}', {})).toBe('{ not a name } {}');
  });
});
