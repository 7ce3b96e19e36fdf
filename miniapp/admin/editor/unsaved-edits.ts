/**
 * @module Unsaved editor changes kept on this device: leaving the editor any way at all (Back, a swipe, the phone's
 * back button, closing the app, a crash) must not lose a member's work, and guarding every way out is not possible
 * inside a client's WebView. Kept per campaign with the saved version they were made on; offered again when that
 * campaign's editor opens on the same version; dropped once saved, discarded, or when the campaign was saved by
 * someone else since (those edits would be refused as `edited_meanwhile` anyway). The server checks every save, so
 * nothing read back from here is trusted beyond being a draft to show.
 */
import type { CampaignDocument } from '../office-api.ts';

const PREFIX = 'promo.office.unsaved-campaign.';

export interface KeptEdits {
  document: CampaignDocument;
  /** When the last of them was made (ms). */
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

export function keepUnsavedEdits(document: CampaignDocument, now = Date.now()): void {
  try {
    storage()?.setItem(PREFIX + document.id, JSON.stringify({ document, keptAt: now }));
  } catch {
    // Over quota: the edits stay in the open editor only, as before.
  }
}

export function dropUnsavedEdits(campaignId: number): void {
  try {
    storage()?.removeItem(PREFIX + campaignId);
  } catch {
    // Nothing kept then either.
  }
}

/** The edits kept for this campaign if they were made on the version saved now; any others are dropped. */
export function takeUnsavedEdits(campaignId: number, savedVersion: number): KeptEdits | undefined {
  let kept: Partial<KeptEdits> | undefined;
  try {
    kept = JSON.parse(storage()?.getItem(PREFIX + campaignId) ?? 'null') ?? undefined;
  } catch {
    kept = undefined;
  }
  const fits =
    kept?.document?.id === campaignId && kept.document.editVersion === savedVersion && typeof kept.keptAt === 'number';
  if (!fits) {
    dropUnsavedEdits(campaignId);
    return undefined;
  }
  return kept as KeptEdits;
}
