/** @module OpenAPI components shared by every feature: the error shape and the auth scheme. */
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'bad_signature' }),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

export const errorResponse = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
});

/** Responses every authenticated route can give. */
export const authErrors = {
  401: errorResponse('Launch data missing, malformed, badly signed, expired or for another app'),
} as const;

export const LAUNCH_AUTH = [{ LaunchParams: [] }];
