/** @module A person in an office answer (server/profile-url.ts `personOf`): one OpenAPI shape for every such field. */
import { z } from '@hono/zod-openapi';

export const PersonSchema = z
  .object({
    platform: z.string().openapi({ example: 'ok' }),
    userId: z.string().openapi({ example: '5550001' }),
    profileUrl: z.string().nullable().openapi({ description: 'The profile page (VK only), else null' }),
  })
  .openapi('Person');
