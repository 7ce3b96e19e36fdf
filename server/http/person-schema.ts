/** @module A person in an office answer (server/profile-url.ts `personOf`): one OpenAPI shape for every such field. */
import { z } from '@hono/zod-openapi';
import { readPersonKey } from '../person-key.ts';

export const PersonSchema = z
  .object({
    platform: z.string().openapi({ example: 'ok' }),
    userId: z.string().openapi({ example: '5550001' }),
    profileUrl: z.string().nullable().openapi({ description: 'The profile page (VK only), else null' }),
  })
  .openapi('Person');

/**
 * Why a query's person is refused, as issue codes the office words (refusal-issue-wording.ts): a bare user id names
 * a VK, an OK and a Telegram user at once (decision 109); anything else is no `<platform>:<userId>` at all.
 */
const PERSON_ISSUES = {
  bare: {
    code: 'person_without_platform',
    message: 'A user id alone names no one person: send <platform>:<userId>, e.g. vk:5550001',
  },
  other: {
    code: 'not_a_person',
    message: 'Not a person: send <platform>:<userId> with platform vk, ok or telegram, e.g. ok:5550001',
  },
} as const;

const BARE_ID = /^\d+$/;

/**
 * A person in a query, `<platform>:<userId>` (server/person-key.ts), read as `{ platform, userId }`; a bare id or
 * anything else is a 422 naming the field with one of the codes above.
 * @example z.object({ person: PersonKeyParam }).parse({ person: 'ok:5550001' }) // { person: { platform: 'ok', userId: '5550001' } }
 */
export const PersonKeyParam = z
  .string()
  .max(64)
  // One issue per value: a bare id is the first refusal, anything else that is no key the second.
  .refine((text) => !BARE_ID.test(text), { message: PERSON_ISSUES.bare.message, params: PERSON_ISSUES.bare })
  .refine((text) => BARE_ID.test(text) || readPersonKey(text) !== undefined, {
    message: PERSON_ISSUES.other.message,
    params: PERSON_ISSUES.other,
  })
  .transform((text) => readPersonKey(text) as NonNullable<ReturnType<typeof readPersonKey>>)
  .openapi({ type: 'string', example: 'ok:5550001', description: 'A person as `<platform>:<userId>`' });
