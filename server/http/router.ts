/**
 * @module The router factory every feature uses, so each gets the same validation behaviour:
 * input that fails its zod schema is a 422 with one issue per field (a bound with its limit), never a 500; so is text
 * holding NUL, which one of the two databases cannot store (nul-text.ts).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Identity } from '../auth/identity.ts';
import type { Deps } from '../deps.ts';
import { errorBody } from './errors.ts';
import { fieldIssue } from './field-issues.ts';
import { nulTextIssue } from './nul-text.ts';

export interface AppEnv {
  Variables: { identity: Identity; deps: Deps };
}

export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json(errorBody('invalid_input', `Invalid ${result.target}`, result.error.issues.map(fieldIssue)), 422);
      }
      const nul = nulTextIssue(result.data);
      if (nul) return c.json(errorBody('invalid_input', `Invalid ${result.target}`, [nul]), 422);
    },
  });
}
