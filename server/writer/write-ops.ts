/**
 * @module The writes that may run on the database writer (db-writer.ts): each is a name, plain-data arguments and
 * a function of `(deps, args)`. Names rather than closures because the work crosses into a worker thread; the
 * request's time travels with the call (`at`) so fake clocks and the caller's notion of "now" hold there too.
 * A refusal (`ApiError`: sold out, not eligible) is an answer whose writes (e.g. `sold_out_seen`) are kept, so it is
 * returned as `{ refused }`, not thrown.
 */
import type { Identity } from '../auth/identity.ts';
import type { Deps } from '../deps.ts';
import { ApiError, type ErrorIssue } from '../http/errors.ts';
import { claimReward } from '../promo/rewards/reward.service.ts';

export type WriteDeps = Pick<Deps, 'db' | 'config' | 'now'>;

export const WRITE_OPS = {
  claimReward: (deps: WriteDeps, a: { identity: Identity; campaignId: number; rewardKey: string }) =>
    claimReward(deps, a.identity, a.campaignId, a.rewardKey),
};

export type WriteOpName = keyof typeof WRITE_OPS;
export type WriteOpArgs<K extends WriteOpName> = Parameters<(typeof WRITE_OPS)[K]>[1];
export type WriteOpValue<K extends WriteOpName> = ReturnType<(typeof WRITE_OPS)[K]>;

/** An `ApiError` as plain data: calls and answers cross threads as JSON, which keeps no class. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  issues?: ErrorIssue[];
}

export type WriteOutcome<K extends WriteOpName> = { value: WriteOpValue<K> } | { refused: Refusal };

/** Runs one op; an `ApiError` becomes a refusal, anything else is thrown (and rolls the op back). */
export function runWriteOp<K extends WriteOpName>(deps: WriteDeps, op: K, args: WriteOpArgs<K>): WriteOutcome<K> {
  const fn = WRITE_OPS[op] as (deps: WriteDeps, args: WriteOpArgs<K>) => WriteOpValue<K>;
  try {
    return { value: fn(deps, args) };
  } catch (error) {
    if (error instanceof ApiError) {
      return {
        refused: {
          status: error.status,
          code: error.code,
          message: error.message,
          ...(error.issues ? { issues: error.issues } : {}),
        },
      };
    }
    throw error;
  }
}

/** Turns a refusal back into the `ApiError` the route throws. */
export function refusalError(refusal: Refusal): ApiError {
  return new ApiError(refusal.status as ApiError['status'], refusal.code, refusal.message, refusal.issues);
}
