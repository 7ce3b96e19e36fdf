/**
 * @module Office work not yet saved or sent, kept on this device: leaving a form any way at all (Back, a swipe, the
 * phone's back button, closing the app, a crash) must not lose a member's typing, and guarding every way out is not
 * possible inside a client's WebView (VK's back and close do not ask the page). Each form keeps its draft under its
 * own key on every change and drops it once saved, sent or discarded; what it accepts back is its own business
 * (`editor/unsaved-edits.ts`, `mailings/broadcast-draft.ts`). The server checks whatever is finally sent, so nothing
 * read back from here is trusted beyond being a draft to show. Drafts are a member's own: a device may be shared by
 * members of one brand (two VK accounts in one browser), and one member's half-done edits must not come back to another
 * as "your unsaved edits" — so each is kept under the member the server says opened the office (`draftsBelongTo`).
 */

const PREFIX = 'promo.office.draft.';

/** The member whose drafts are kept and read; none known: nothing is kept or offered. */
let owner: string | undefined;

/**
 * Whose drafts the office keeps from now on: the office answer's `member`, set before any form reads its draft.
 * Undefined (an older server that does not say) keeps nothing rather than mixing members' drafts.
 */
export function draftsBelongTo(member: string | undefined): void {
  owner = member;
}

const storageKey = (key: string) => (owner === undefined ? undefined : `${PREFIX}${owner}.${key}`);

export interface KeptDraft {
  value: unknown;
  /** When the last change was made (ms). */
  keptAt: number;
}

/** Storage may be missing or refuse writes (private modes, a full quota): then nothing is kept, nothing breaks. */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function keepDraft(key: string, value: unknown, keptAt = Date.now()): void {
  const at = storageKey(key);
  if (at === undefined) return;
  try {
    storage()?.setItem(at, JSON.stringify({ value, keptAt }));
  } catch {
    // Over quota: the work stays in the open form only.
  }
}

export function dropDraft(key: string): void {
  const at = storageKey(key);
  if (at === undefined) return;
  try {
    storage()?.removeItem(at);
  } catch {
    // Nothing kept then either.
  }
}

/** The draft kept under `key`, if there is a readable one. */
export function readDraft(key: string): KeptDraft | undefined {
  const at = storageKey(key);
  if (at === undefined) return undefined;
  try {
    const kept = JSON.parse(storage()?.getItem(at) ?? 'null') as Partial<KeptDraft> | null;
    return kept && typeof kept.keptAt === 'number' && 'value' in kept ? (kept as KeptDraft) : undefined;
  } catch {
    return undefined;
  }
}
