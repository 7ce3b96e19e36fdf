/**
 * @module The calculator's formula language, parsed by `jsep` (a parser only: it builds an AST and never evaluates)
 * and evaluated here over a whitelist of node types: numbers, the calculator's declared inputs, `+ - * / % ^`,
 * comparisons, `&& || !`, the ternary `a ? b : c` and the functions in `FUNCTIONS`. There is no member access, no
 * `this`, no strings, no calls of anything but those functions, and names resolve through a Map of the inputs only,
 * so `constructor`, `__proto__` or `process` are unknown names, never properties. Everything is a number; a
 * comparison gives 1 or 0 and a condition is true when it is not 0. Bounded: formula length, AST depth, exponent
 * size, and every intermediate value must be finite.
 */
import jsep from 'jsep';
import { FormulaError } from './formula-error.ts';

export const MAX_FORMULA_LENGTH = 1000;
export const MAX_DEPTH = 40;
/** |exponent| above this is refused: 10^300 is near the top of a double, and no tariff needs more. */
export const MAX_EXPONENT = 300;
const MAX_ROUND_DIGITS = 10;

// `^` is power here (as in spreadsheets), binding tighter than `*` and to the right: 2^3^2 = 2^9. jsep is a
// module-wide parser; this module is its only user.
jsep.removeBinaryOp('^');
jsep.addBinaryOp('^', 11, true);

type Node = jsep.Expression;

const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => {
    if (b === 0) throw new FormulaError('division_by_zero', 'Division by zero');
    return a / b;
  },
  '%': (a, b) => {
    if (b === 0) throw new FormulaError('division_by_zero', 'Division by zero');
    return a % b;
  },
  '^': power,
  '**': power,
  '<': (a, b) => Number(a < b),
  '<=': (a, b) => Number(a <= b),
  '>': (a, b) => Number(a > b),
  '>=': (a, b) => Number(a >= b),
  '==': (a, b) => Number(a === b),
  '!=': (a, b) => Number(a !== b),
};
const LOGICAL = new Set(['&&', '||']);

function power(base: number, exponent: number): number {
  if (Math.abs(exponent) > MAX_EXPONENT) {
    throw new FormulaError('exponent_too_large', `An exponent may be at most ${MAX_EXPONENT} in size`);
  }
  return base ** exponent;
}

/** Half away from zero at `digits` decimals, on the decimal text (so round(1.005, 2) is 1.01, not 1.00). */
export function roundHalfAway(value: number, digits = 0): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > MAX_ROUND_DIGITS) {
    throw new FormulaError('arity', `round(x, digits): digits must be a whole number from 0 to ${MAX_ROUND_DIGITS}`);
  }
  // From 2^53 every double is a whole number already.
  if (Math.abs(value) >= Number.MAX_SAFE_INTEGER) return value;
  const text = String(Math.abs(value));
  // Exponent notation (below 1e-6) has no decimal text to shift; binary arithmetic is exact enough there.
  if (text.includes('e')) return signed(value, Math.round(Math.abs(value) * 10 ** digits) / 10 ** digits);
  const shifted = Number(`${text}e${digits}`);
  // Shifted past 2^53 the value holds no digit that far right: it is its own rounding. (Shifting on would print the
  // rounded number in exponent form, `1e+21e-6`, and read back NaN: found from outside, a 1e15 area at 6 digits.)
  if (shifted >= Number.MAX_SAFE_INTEGER) return value;
  return signed(value, Number(`${Math.round(shifted)}e-${digits}`));
}

function signed(value: number, rounded: number): number {
  // No "-0" in a result.
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}

const FUNCTIONS: Record<string, { min: number; max: number; run: (args: number[]) => number }> = {
  min: { min: 1, max: 20, run: (a) => Math.min(...a) },
  max: { min: 1, max: 20, run: (a) => Math.max(...a) },
  round: { min: 1, max: 2, run: (a) => roundHalfAway(a[0] as number, a[1]) },
  ceil: { min: 1, max: 1, run: (a) => Math.ceil(a[0] as number) },
  floor: { min: 1, max: 1, run: (a) => Math.floor(a[0] as number) },
  abs: { min: 1, max: 1, run: (a) => Math.abs(a[0] as number) },
};
export const FORMULA_FUNCTIONS = Object.keys(FUNCTIONS);
const isFunction = (name: string) => Object.hasOwn(FUNCTIONS, name);

/** A formula that passed validation: evaluate it with `evaluateFormula`. */
export interface CompiledFormula {
  readonly text: string;
  readonly ast: Node;
  readonly inputs: ReadonlySet<string>;
}

/** Where `name` first stands as a whole word in `text`, for an error's position. */
function positionOf(text: string, name: string): number | undefined {
  const found = new RegExp(`(?<![A-Za-z0-9_$])${name.replace(/[$]/g, '\\$')}(?![A-Za-z0-9_$])`).exec(text);
  return found?.index;
}

/**
 * Parses and checks a formula against the calculator's input names; throws `FormulaError` with the position.
 * @example compileFormula('round(area * price, 2)', ['area', 'price'])
 */
export function compileFormula(text: string, inputNames: Iterable<string>): CompiledFormula {
  if (text.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError('too_long', `A formula may be at most ${MAX_FORMULA_LENGTH} characters long`);
  }
  let ast: Node;
  try {
    ast = jsep(text);
  } catch (e) {
    const err = e as { index?: number; description?: string; message?: string };
    throw new FormulaError('syntax', err.description ?? err.message ?? 'Syntax error', err.index);
  }
  if (ast.type === 'Compound' && (ast as jsep.Compound).body.length === 0) {
    throw new FormulaError('syntax', 'The formula is empty', 0);
  }
  const inputs = new Set(inputNames);
  check(ast, text, inputs, 1);
  return { text, ast, inputs };
}

function check(node: Node, text: string, inputs: ReadonlySet<string>, depth: number): void {
  if (depth > MAX_DEPTH) throw new FormulaError('too_deep', `A formula may nest at most ${MAX_DEPTH} levels deep`);
  const next = (child: Node) => check(child, text, inputs, depth + 1);
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (typeof value === 'boolean') return;
      if (typeof value !== 'number') {
        throw new FormulaError(
          'not_allowed',
          'Only numbers may be written in a formula',
          positionOf(text, String((node as jsep.Literal).raw)),
        );
      }
      if (!Number.isFinite(value)) throw new FormulaError('not_finite', 'A number in the formula is too large');
      return;
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      if (!inputs.has(name)) {
        throw new FormulaError('unknown_name', `"${name}" is not an input of this calculator`, positionOf(text, name));
      }
      return;
    }
    case 'BinaryExpression': {
      const { operator, left, right } = node as jsep.BinaryExpression;
      if (!Object.hasOwn(ARITHMETIC, operator) && !LOGICAL.has(operator)) {
        throw new FormulaError('not_allowed', `The operator ${operator} is not allowed`, text.indexOf(operator));
      }
      next(left);
      next(right);
      return;
    }
    case 'UnaryExpression': {
      const { operator, argument } = node as jsep.UnaryExpression;
      if (operator !== '-' && operator !== '+' && operator !== '!') {
        throw new FormulaError('not_allowed', `The operator ${operator} is not allowed`, text.indexOf(operator));
      }
      next(argument);
      return;
    }
    case 'ConditionalExpression': {
      const { test, consequent, alternate } = node as jsep.ConditionalExpression;
      next(test);
      next(consequent);
      next(alternate);
      return;
    }
    case 'CallExpression': {
      const { callee, arguments: args } = node as jsep.CallExpression;
      if (callee.type !== 'Identifier') {
        throw new FormulaError('not_allowed', 'Only the listed functions may be called', text.indexOf('('));
      }
      const name = (callee as jsep.Identifier).name;
      if (!isFunction(name)) {
        throw new FormulaError(
          'unknown_function',
          `"${name}" is not a function; use one of ${FORMULA_FUNCTIONS.join(', ')}`,
          positionOf(text, name),
        );
      }
      const fn = FUNCTIONS[name] as (typeof FUNCTIONS)[string];
      if (args.length < fn.min || args.length > fn.max) {
        throw new FormulaError('arity', `${name}() takes ${fn.min}–${fn.max} arguments`, positionOf(text, name));
      }
      for (const arg of args) next(arg);
      return;
    }
    case 'MemberExpression':
      throw new FormulaError('not_allowed', 'Property access (a.b, a[b]) is not allowed', text.search(/[.[]/));
    case 'ThisExpression':
      throw new FormulaError('not_allowed', '"this" is not allowed', positionOf(text, 'this'));
    default:
      throw new FormulaError('not_allowed', `${node.type} is not allowed in a formula`);
  }
}

function finite(value: number): number {
  if (!Number.isFinite(value)) throw new FormulaError('not_finite', 'The result is too large or not a number');
  return value;
}

/** The inputs a node reads, each once, in the order the formula names them (a function's name is none). */
function inputsIn(node: Node, found: string[] = []): string[] {
  if (node.type === 'Identifier') {
    const name = (node as jsep.Identifier).name;
    if (!found.includes(name)) found.push(name);
    return found;
  }
  const children =
    node.type === 'CallExpression'
      ? (node as jsep.CallExpression).arguments
      : Object.values(node).filter((v): v is Node => typeof v === 'object' && v !== null && 'type' in v);
  for (const child of children) inputsIn(child, found);
  return found;
}

/** The error with the inputs of `node` to blame, unless a deeper node has named them already. */
function blamed(e: unknown, node: Node): unknown {
  if (!(e instanceof FormulaError) || e.inputs) return e;
  return new FormulaError(e.code, e.message, undefined, inputsIn(node));
}

/**
 * Evaluates a compiled formula over numeric inputs (a Map, so no name can reach an object's prototype). Throws
 * `FormulaError` when a value leaves the bounds (division by zero, a huge exponent, a non-finite intermediate).
 * @example evaluateFormula(compileFormula('a * 2', ['a']), new Map([['a', 21]])) // 42
 */
export function evaluateFormula(formula: CompiledFormula, values: ReadonlyMap<string, number>): number {
  return finite(evaluate(formula.ast, values));
}

function evaluate(node: Node, values: ReadonlyMap<string, number>): number {
  switch (node.type) {
    case 'Literal':
      return Number((node as jsep.Literal).value);
    case 'Identifier': {
      const value = values.get((node as jsep.Identifier).name);
      if (value === undefined || !Number.isFinite(value)) {
        throw new FormulaError('unknown_name', `No value for "${(node as jsep.Identifier).name}"`);
      }
      return value;
    }
    case 'BinaryExpression': {
      const { operator, left, right } = node as jsep.BinaryExpression;
      const a = evaluate(left, values);
      // && and || decide on the left side alone, like everywhere else.
      if (operator === '&&') return a !== 0 ? Number(evaluate(right, values) !== 0) : 0;
      if (operator === '||') return a !== 0 ? 1 : Number(evaluate(right, values) !== 0);
      const b = evaluate(right, values);
      try {
        return finite((ARITHMETIC[operator] as (a: number, b: number) => number)(a, b));
      } catch (e) {
        // A zero divisor or a huge exponent is the right side's doing; a value too large, both sides'.
        throw blamed(e, e instanceof FormulaError && e.code !== 'not_finite' ? right : node);
      }
    }
    case 'UnaryExpression': {
      const { operator, argument } = node as jsep.UnaryExpression;
      const a = evaluate(argument, values);
      return operator === '-' ? -a : operator === '!' ? Number(a === 0) : a;
    }
    case 'ConditionalExpression': {
      const { test, consequent, alternate } = node as jsep.ConditionalExpression;
      return evaluate(test, values) !== 0 ? evaluate(consequent, values) : evaluate(alternate, values);
    }
    case 'CallExpression': {
      const { callee, arguments: args } = node as jsep.CallExpression;
      const fn = FUNCTIONS[(callee as jsep.Identifier).name] as (typeof FUNCTIONS)[string];
      const argValues = args.map((arg) => evaluate(arg, values));
      try {
        return finite(fn.run(argValues));
      } catch (e) {
        // round(x, digits) with digits out of range is the digits' doing.
        throw blamed(e, e instanceof FormulaError && e.code === 'arity' ? (args[1] ?? node) : node);
      }
    }
    default:
      // compileFormula let only the node types above through.
      throw new FormulaError('not_allowed', `${node.type} is not allowed in a formula`);
  }
}
