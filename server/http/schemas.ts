/** @module OpenAPI components shared by every feature: the error shape and the auth scheme. */
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'bad_signature' }),
      message: z.string(),
      issues: z
        .array(
          z.object({
            path: z.string(),
            message: z.string(),
            code: z.string().optional(),
            params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
          }),
        )
        .optional(),
      params: z
        .record(z.string(), z.union([z.string(), z.number()]))
        .optional()
        .openapi({ description: 'Values the client words the refusal with (a scheduled campaign: `startsAt`)' }),
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

/** A JSON response entry for `createRoute({ responses })`. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** A required JSON request body for `createRoute({ request })`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
