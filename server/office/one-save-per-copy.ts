/**
 * @module One save per copy for office items saved whole (support canned answers and articles, mailing rules): an edit
 * names the `updatedAt` of the copy it was made on (`savedAt`), and the save is a compare-and-set on it in the UPDATE's
 * own WHERE, so two members editing one item never silently undo each other (the campaign document does the same with
 * its `editVersion`, decision 044; decision 045).
 */
import { z } from '@hono/zod-openapi';
import { ApiError } from '../http/errors.ts';

/** The field an edit carries: the `updatedAt` it was read with. */
export const SavedAtField = z
  .number()
  .int()
  .nonnegative()
  .openapi({ description: '`updatedAt` of the copy this edit was made on; a later save meanwhile makes it a 409' });

/** 409 `saved_meanwhile`: someone saved the item after this copy was read; nothing is written. */
export class SavedMeanwhileError extends ApiError {
  constructor(what: string) {
    super(409, 'saved_meanwhile', `Someone saved this ${what} after you opened it; reload it to see their changes`);
    this.name = 'SavedMeanwhileError';
  }
}

/**
 * The `updatedAt` a save writes: its own time, yet always later than the one it replaces, so two saves within one
 * millisecond still tell apart and the second of them is refused.
 */
export const nextSavedAt = (at: number, savedAt: number) => Math.max(at, savedAt + 1);
