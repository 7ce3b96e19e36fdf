import { describe, expect, it } from 'vitest';
import { compileFormula, evaluateFormula, MAX_DEPTH, MAX_FORMULA_LENGTH, roundHalfAway } from './formula.ts';
import { FormulaError } from './formula-error.ts';

const run = (text: string, values: Record<string, number> = {}) =>
  evaluateFormula(compileFormula(text, Object.keys(values)), new Map(Object.entries(values)));

function refused(text: string, names: string[] = ['a', 'b']): FormulaError {
  try {
    const compiled = compileFormula(text, names);
    evaluateFormula(compiled, new Map(names.map((n) => [n, 2])));
  } catch (e) {
    expect(e).toBeInstanceOf(FormulaError);
    return e as FormulaError;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('calculator formula', () => {
  it('item 1: arithmetic agrees with hand-computed cases', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('2 ^ 3 ^ 2')).toBe(512); // right-associative: 2^9
    expect(run('2 * 3 ^ 2')).toBe(18); // ^ binds tighter than *
    expect(run('10 % 4 + 7 / 2')).toBe(5.5);
    // A car insurance tariff: base 5 000 × power coefficient 1.4 × (1 + 0.2 when young) over 12 months.
    expect(run('base * k * (young ? 1.2 : 1) / months', { base: 5000, k: 1.4, young: 1, months: 12 })).toBeCloseTo(
      700,
      10,
    );
    expect(run('area > 50 && rooms >= 2 ? 1 : 0', { area: 60, rooms: 2 })).toBe(1);
    expect(run('!(a == b) || a != b', { a: 1, b: 1 })).toBe(0);
    expect(run('min(a, b, 3) + max(a, b) + abs(-4)', { a: 5, b: 9 })).toBe(16);
    expect(run('-2 + +3')).toBe(1);
    expect(run('true + false')).toBe(1);
  });

  it('item 1: rounding is half away from zero on the decimal value', () => {
    expect(run('round(2.5)')).toBe(3);
    expect(run('round(-2.5)')).toBe(-3);
    expect(run('round(1.005, 2)')).toBe(1.01); // 1.005 * 100 is 100.49999… in binary; the decimal rule gives 1.01
    expect(run('round(1234.5678, 2)')).toBe(1234.57);
    expect(run('round(a * 1.15, 0)', { a: 10 })).toBe(12); // 11.5 → 12
    expect(run('ceil(1.01) + floor(1.99)')).toBe(3);
    expect(run('ceil(-1.5)')).toBe(-1);
    expect(roundHalfAway(0.125, 2)).toBe(0.13);
    expect(roundHalfAway(1e21, 2)).toBe(1e21);
    expect(roundHalfAway(1e-7, 2)).toBe(0);
    expect(roundHalfAway(-0.0000004, 6)).toBe(0);
    expect(roundHalfAway(-0.0000006, 6)).toBe(-0.000001);
    // Large but below 2^53, shifted past it: its own rounding, never NaN (1e15 at 6 digits was NaN, found from outside).
    expect(roundHalfAway(1e15, 6)).toBe(1e15);
    expect(roundHalfAway(-1e15, 6)).toBe(-1e15);
    expect(roundHalfAway(1e11, 10)).toBe(1e11);
    expect(run('round(a, 10)', { a: 1e11 })).toBe(1e11);
    expect(roundHalfAway(123456789.123456, 6)).toBe(123456789.123456);
    expect(roundHalfAway(999999999.9999996, 6)).toBe(1000000000);
    expect(refused('round(a, 11)').code).toBe('arity');
    expect(refused('round(a, 0.5)').code).toBe('arity');
  });

  it('item 1: hostile formulas are refused before they run, with the position', () => {
    for (const name of ['constructor', 'process', '__proto__', 'globalThis', 'require', 'eval', 'Function']) {
      const e = refused(name);
      expect(e.code).toBe('unknown_name');
      expect(e.position).toBe(0);
    }
    expect(refused('a.constructor').code).toBe('not_allowed');
    expect(refused('a["constructor"]').code).toBe('not_allowed');
    expect(refused('__proto__.polluted').code).toBe('not_allowed');
    expect(refused('this').code).toBe('not_allowed');
    expect(refused('process.exit(1)').code).toBe('not_allowed');
    expect(refused('constructor("return process")()').code).toBe('not_allowed');
    expect(refused('eval("1")').code).toBe('unknown_function');
    expect(refused('toString()').code).toBe('unknown_function');
    expect(refused('"abc"').code).toBe('not_allowed');
    expect(refused('[1, 2]').code).toBe('not_allowed');
    expect(refused('a | b').code).toBe('not_allowed');
    expect(refused('a ?? b').code).toBe('not_allowed');
    expect(refused('~a').code).toBe('not_allowed');
    expect(refused('a = 1').code).toBe('syntax');
    // A name that is an input of another calculator, not of this one.
    const unknown = refused('a * price', ['a']);
    expect(unknown.code).toBe('unknown_name');
    expect(unknown.position).toBe(4);
    const syntax = refused('1 + (2');
    expect(syntax.code).toBe('syntax');
    expect(syntax.position).toBe(6);
    expect(syntax.message).toContain('at character 7');
    // An input named like a property of Object.prototype is only what its value says.
    expect(run('constructor + 1', { constructor: 2 })).toBe(3);
  });

  it('item 1: size, depth, exponents and results are bounded', () => {
    expect(refused(`a + ${'1+'.repeat(MAX_FORMULA_LENGTH)}1`).code).toBe('too_long');
    expect(refused(`${'(a + '.repeat(MAX_DEPTH)}a${')'.repeat(MAX_DEPTH)}`).code).toBe('too_deep');
    expect(refused(`${'abs('.repeat(MAX_DEPTH)}a${')'.repeat(MAX_DEPTH)}`).code).toBe('too_deep');
    // Parentheses alone add no level (they make no node); their count is bounded by the length.
    expect(run(`${'('.repeat(400)}1${')'.repeat(400)}`)).toBe(1);
    expect(refused(`${'-'.repeat(MAX_DEPTH + 5)}a`).code).toBe('too_deep');
    expect(run(`${'('.repeat(10)}1${')'.repeat(10)}`)).toBe(1);
    expect(refused('10 ^ 1000').code).toBe('exponent_too_large');
    expect(refused('a ^ (b * 1000)').code).toBe('exponent_too_large');
    expect(refused('10 ^ 300 * 10 ^ 300').code).toBe('not_finite');
    expect(refused('1e400').code).toBe('not_finite');
    expect(refused('a / (b - 2)').code).toBe('division_by_zero');
    expect(refused('a % 0').code).toBe('division_by_zero');
    expect(refused('(-8) ^ 0.5').code).toBe('not_finite'); // NaN
    expect(refused('').code).toBe('syntax');
  });
});
