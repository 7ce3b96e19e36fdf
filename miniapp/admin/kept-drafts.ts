/**
 * @module Office work not yet saved or sent, kept on this device: leaving a form any way at all (Back, a swipe, the
 * phone's back button, closing the app, a crash) must not lose a member's typing, and guarding every way out is not
 * possible inside a client's WebView (VK's back and close do not ask the page). Each form keeps its draft under its
 * own key on every change and drops it once saved, sent or discarded; what it accepts back is its own business
 * (`editor/unsaved-edits.ts`, `mailings/broadcast-draft.ts`). The server checks whatever is finally sent, so nothing
 * read back from here is trusted beyond being a draft to show.
 */

const PREFIX = 'promo.office.draft.';

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
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify({ value, keptAt }));
  } catch {
    // Over quota: the work stays in the open form only.
  }
}

export function dropDraft(key: string): void {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    // Nothing kept then either.
  }
}

/** The draft kept under `key`, if there is a readable one. */
export function readDraft(key: string): KeptDraft | undefined {
  try {
    const kept = JSON.parse(storage()?.getItem(PREFIX + key) ?? 'null') as Partial<KeptDraft> | null;
    return kept && typeof kept.keptAt === 'number' && 'value' in kept ? (kept as KeptDraft) : undefined;
  } catch {
    return undefined;
  }
}
