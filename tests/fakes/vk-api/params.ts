/**
 * @module Reading VK request params the way VK validates them: integers, comma lists, required
 * fields, and API-version comparison ("5.199" is newer than "5.90", so versions are not floats).
 */
import { invalidParam } from './errors.ts';
import type { Params } from './types.ts';

const INTEGER = /^-?\d+$/;

/** A present, non-empty param value, or undefined. */
export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  return value === undefined || value === '' ? undefined : value;
}

export function requireString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined) throw invalidParam(`${name} is undefined`);
  return value;
}

export function optionalInt(params: Params, name: string): number | undefined {
  const raw = optionalString(params, name);
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  if (!INTEGER.test(raw.trim()) || !Number.isFinite(value)) throw invalidParam(`${name} not integer`);
  return value;
}

export function requireInt(params: Params, name: string): number {
  const value = optionalInt(params, name);
  if (value === undefined) throw invalidParam(`${name} is undefined`);
  return value;
}

/** A comma-separated integer list (`1,2,3`), at most `max` items; undefined when absent. */
export function optionalIntList(params: Params, name: string, max: number): number[] | undefined {
  const raw = optionalString(params, name);
  if (raw === undefined) return undefined;
  const items = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw invalidParam(`${name} is empty`);
  if (items.length > max) throw invalidParam(`${name} is too long, max ${max} items`);
  return items.map((item) => {
    if (!INTEGER.test(item)) throw invalidParam(`${name} contains a non-integer item "${item}"`);
    return Number(item);
  });
}

/** A group id as VK accepts it: `123`, `club123`, `public123`, `event123`; error 125 otherwise. */
export function parseGroupRef(raw: string): number | undefined {
  const match = /^(?:club|public|event)?([1-9]\d*)$/.exec(raw.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Compares dotted API versions numerically part by part: `isVersionAtLeast("5.199", "5.90")` is true. */
export function isVersionAtLeast(version: string, minimum: string): boolean {
  const have = version.split('.').map(Number);
  const need = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(have.length, need.length); i += 1) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}
