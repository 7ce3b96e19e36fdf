/**
 * @module A parser for the small VKScript subset `execute` receives in practice: `return <expr>;` where
 * <expr> is an array / object / literal / `API.section.method({...})` call with literal params. That covers
 * what vk-io generates for batched calls (`return [API.messages.send({"peer_id":1,...}),...];`, params via
 * JSON.stringify) and hand-written JSON-ish code (unquoted keys, single quotes). Anything else (variables,
 * loops, arithmetic, calls nested in params) is reported as VK's error 12 "Unable to compile code".
 */
import { VkApiError } from './errors.ts';
import type { Params } from './types.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type ScriptNode =
  | { kind: 'literal'; value: JsonValue; text: string }
  | { kind: 'array'; items: ScriptNode[] }
  | { kind: 'object'; entries: Array<[string, ScriptNode]> }
  | { kind: 'call'; method: string; params: Params };

type Token = { type: 'string'; value: string } | { type: 'number' | 'word' | 'punct'; value: string };

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_$][\w$]*/;
const PUNCTUATION = '[]{}(),:;.';

/** Parses the `code` param of execute into the returned expression. */
export function parseVkScript(code: string): ScriptNode {
  const tokens = tokenize(code);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const next = (): Token => {
    const token = tokens[position];
    if (!token) throw compileError('unexpected end of code');
    position += 1;
    return token;
  };
  const expect = (value: string): void => {
    const token = next();
    if (token.type === 'string' || token.value !== value) throw compileError(`expected "${value}"`);
  };
  const accept = (value: string): boolean => {
    const token = peek();
    if (!token || token.type === 'string' || token.value !== value) return false;
    position += 1;
    return true;
  };

  const parseList = <T>(close: string, parseItem: () => T): T[] => {
    const items: T[] = [];
    while (!accept(close)) {
      items.push(parseItem());
      if (!accept(',')) {
        expect(close);
        break;
      }
    }
    return items;
  };

  const parseKey = (): string => {
    const token = next();
    if (token.type === 'punct') throw compileError(`unexpected "${token.value}" where a key was expected`);
    return token.value;
  };

  const parseExpression = (): ScriptNode => {
    const token = next();
    if (token.type === 'string') return { kind: 'literal', value: token.value, text: token.value };
    if (token.type === 'number') return { kind: 'literal', value: Number(token.value), text: token.value };
    if (token.type === 'punct' && token.value === '[') return { kind: 'array', items: parseList(']', parseExpression) };
    if (token.type === 'punct' && token.value === '{') {
      return {
        kind: 'object',
        entries: parseList('}', () => {
          const key = parseKey();
          expect(':');
          return [key, parseExpression()] as [string, ScriptNode];
        }),
      };
    }
    if (token.type === 'word' && token.value === 'true') return { kind: 'literal', value: true, text: '1' };
    if (token.type === 'word' && token.value === 'false') return { kind: 'literal', value: false, text: '0' };
    if (token.type === 'word' && token.value === 'null') return { kind: 'literal', value: null, text: '' };
    if (token.type === 'word' && token.value === 'API') return parseCall();
    throw compileError(`unsupported construct near "${token.value}"`);
  };

  const parseCall = (): ScriptNode => {
    const parts: string[] = [];
    while (accept('.')) parts.push(parseKey());
    if (parts.length < 2) throw compileError('API call must name section.method');
    expect('(');
    let params: Params = {};
    if (!accept(')')) {
      const argument = parseExpression();
      if (argument.kind !== 'object') throw compileError('API method params must be an object literal');
      params = toParams(argument);
      expect(')');
    }
    return { kind: 'call', method: parts.join('.'), params };
  };

  const returnWord = next();
  if (returnWord.type !== 'word' || returnWord.value !== 'return') throw compileError('code must be "return <expr>;"');
  const result = parseExpression();
  accept(';');
  if (peek()) throw compileError('only a single return statement is supported');
  return result;
}

export function compileError(detail: string): VkApiError {
  return new VkApiError(12, detail);
}

/** Params of an API call: strings as is, numbers in their source text, booleans 1/0, arrays comma-joined. */
function toParams(node: Extract<ScriptNode, { kind: 'object' }>): Params {
  const params: Params = {};
  for (const [key, value] of node.entries) {
    if (value.kind === 'literal' && value.value === null) continue;
    params[key] = toParamText(value);
  }
  return params;
}

function toParamText(node: ScriptNode): string {
  if (node.kind === 'literal') return node.text;
  if (node.kind === 'array') return node.items.map(toParamText).join(',');
  if (node.kind === 'object') return JSON.stringify(literalValue(node));
  throw compileError('API calls inside API params are not supported by the fake');
}

/** The JSON value of a literal-only node. */
export function literalValue(node: ScriptNode): JsonValue {
  if (node.kind === 'literal') return node.value;
  if (node.kind === 'array') return node.items.map(literalValue);
  if (node.kind === 'object') return Object.fromEntries(node.entries.map(([key, value]) => [key, literalValue(value)]));
  throw compileError('API calls inside API params are not supported by the fake');
}

function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  let rest = code;
  while (true) {
    rest = rest.replace(/^\s+/, '');
    const char = rest[0];
    if (char === undefined) return tokens;
    if (char === '"' || char === "'") {
      const end = findClosingQuote(rest, char);
      tokens.push({ type: 'string', value: decodeString(rest.slice(1, end), char) });
      rest = rest.slice(end + 1);
      continue;
    }
    const number = NUMBER.exec(rest)?.[0];
    const word = number === undefined ? WORD.exec(rest)?.[0] : undefined;
    if (number !== undefined) tokens.push({ type: 'number', value: number });
    else if (word !== undefined) tokens.push({ type: 'word', value: word });
    else if (PUNCTUATION.includes(char)) tokens.push({ type: 'punct', value: char });
    else throw compileError(`unexpected character "${char}"`);
    rest = rest.slice((number ?? word ?? char).length);
  }
}

function findClosingQuote(text: string, quote: string): number {
  for (let i = 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === quote) return i;
  }
  throw compileError('unterminated string');
}

/** Decodes JS/JSON string escapes by re-reading the body as a JSON string (single quotes converted first). */
function decodeString(body: string, quote: string): string {
  let asJson = body;
  if (quote === "'") {
    asJson = '';
    for (let i = 0; i < body.length; i += 1) {
      const char = body[i];
      if (char === '\\' && body[i + 1] === "'") {
        asJson += "'";
        i += 1;
      } else if (char === '\\') {
        asJson += `\\${body[i + 1] ?? ''}`;
        i += 1;
      } else {
        asJson += char === '"' ? '\\"' : char;
      }
    }
  }
  try {
    const decoded: string = JSON.parse(`"${asJson}"`);
    return decoded;
  } catch {
    throw compileError('invalid string literal');
  }
}
