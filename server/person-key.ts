/**
 * @module One person as one short text, `<platform>:<userId>` (`ok:5550001`): the audit log's person filter sends it
 * (decision 109), and exclusion audit rows written before that decision kept their `by` that way. A user id alone
 * is no person: VK 5550001 and OK 5550001 are two people. The office never shows this text (person-who.ts words it).
 */
import type { Platform } from './auth/identity.ts';

const KEY = /^(vk|ok|telegram):([1-9]\d{0,19})$/;

/** @example personKey({ platform: 'ok', userId: '5550001' }) // 'ok:5550001' */
export function personKey(person: { platform: string; userId: string }): string {
  return `${person.platform}:${person.userId}`;
}

/**
 * The person a key names; undefined for anything else (a bare id, an unknown platform, a non-numeric id).
 * @example readPersonKey('vk:900001') // { platform: 'vk', userId: '900001' }; readPersonKey('900001') // undefined
 */
export function readPersonKey(text: string): { platform: Platform; userId: string } | undefined {
  const m = KEY.exec(text);
  return m ? { platform: m[1] as Platform, userId: m[2] as string } : undefined;
}
