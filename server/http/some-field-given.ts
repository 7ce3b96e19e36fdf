/**
 * @module "Give at least one of these fields" for a body or query whose fields are each optional (an edit that
 * changes nothing, a scope naming neither brand nor agency). An object-level refinement's issue has the object's
 * path, `""` at the top, which names no field; this one names each field that could have been given, so a form can
 * mark them and a client can tell which request was short of what.
 */
import type { z } from 'zod';

/**
 * A `superRefine` check: when every one of `fields` is undefined, one issue per field, each with `message`.
 * @example z.object({ brandId: id.optional(), agencyId: id.optional() })
 *   .superRefine(someFieldGiven(['brandId', 'agencyId'], 'Give brandId or agencyId'))
 *   // {} → issues [{ path: 'brandId', … }, { path: 'agencyId', … }]
 */
export function someFieldGiven<T extends object>(fields: readonly (keyof T & string)[], message: string) {
  return (value: T, ctx: z.RefinementCtx<T>): void => {
    if (fields.some((field) => value[field] !== undefined)) return;
    for (const field of fields) ctx.addIssue({ code: 'custom', path: [field], message, input: value });
  };
}
