/**
 * @module The router factory every feature uses, so each gets the same validation behaviour:
 * input that fails its zod schema is a 422 with one issue per field (a bound with its limit) and a message naming the
 * fields and why (validation-message.ts), never a 500; so is text
 * a database cannot store (NUL, half of a character: storable-text.ts), except on VK's Callback API, whose hook
 * checks the schema only (server/vk/callback.routes.ts).
 */
import { type Hook, OpenAPIHono } from '@hono/zod-openapi';
import type { Identity } from '../auth/identity.ts';
import type { Deps } from '../deps.ts';
import { errorBody } from './errors.ts';
import { fieldIssues } from './field-issues.ts';
import { tooDeepIssue } from './nesting-depth.ts';
import { unstorableTextIssue } from './storable-text.ts';
import { MAX_ANSWERED_ISSUES, validationMessage } from './validation-message.ts';

export interface AppEnv {
  Variables: { identity: Identity; deps: Deps };
}

/** Every route's validation answer; a route with a hook of its own words its refusal and passes the rest here. */
// biome-ignore lint/suspicious/noExplicitAny: the hook every route shares, whatever its input.
export const validationHook: Hook<any, AppEnv, any, any> = (result, c) => {
  if (!result.success) {
    const issues = result.error.issues.flatMap(fieldIssues);
    const answered = issues.slice(0, MAX_ANSWERED_ISSUES);
    return c.json(errorBody('invalid_input', validationMessage(result.target, issues), answered), 422);
  }
  const refused = tooDeepIssue(result.data) ?? unstorableTextIssue(result.data);
  if (refused) {
    return c.json(errorBody('invalid_input', validationMessage(result.target, [refused]), [refused]), 422);
  }
};

export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
