/**
 * @module The client's key for one composed thing (a support text, an office reply, a broadcast), made once per
 * composition and kept across retries (miniapp/api/client-key.ts), so a send whose answer was lost, or a double click,
 * can be sent again without writing twice. Each feature keeps where it stores the key; the shape and the refusal of a
 * key reused for other content are one.
 */
import { z } from '@hono/zod-openapi';
import { ApiError } from './errors.ts';

export const ClientKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/)
  .openapi({ description: 'Idempotency key of this composed text (8–64 of A–Z a–z 0–9 _ -)', example: 'f3a9c2e17b4d' });

/** The key was used for other content: the client kept a key it should have replaced. */
export const reused = () =>
  new ApiError(409, 'client_key_reused', 'This clientKey was sent before with another text; make a new one per text');
