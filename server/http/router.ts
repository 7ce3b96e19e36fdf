/**
 * @module The router factory every feature uses, so each gets the same validation behaviour:
 * input that fails its zod schema is a 422 with one issue per field, never a 500.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Identity } from '../auth/identity.ts';
import type { Deps } from '../deps.ts';
import { errorBody } from './errors.ts';

export interface AppEnv {
  Variables: { identity: Identity; deps: Deps };
}

export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        return c.json(errorBody('invalid_input', `Invalid ${result.target}`, issues), 422);
      }
    },
  });
}
