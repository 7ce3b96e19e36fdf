/**
 * @module The campaign editor's unsaved edits, kept on the device (../kept-drafts.ts) with the saved version they were
 * made on: offered again when that campaign's editor opens on the same version, dropped when someone has saved the
 * campaign since (those edits would be refused as `edited_meanwhile` anyway).
 */
import { dropDraft, keepDraft, readDraft } from '../kept-drafts.ts';
import type { CampaignDocument } from '../office-api.ts';

const keyOf = (campaignId: number) => `campaign.${campaignId}`;

export interface KeptEdits {
  document: CampaignDocument;
  keptAt: number;
}

export function keepUnsavedEdits(document: CampaignDocument, now = Date.now()): void {
  keepDraft(keyOf(document.id), document, now);
}

export function dropUnsavedEdits(campaignId: number): void {
  dropDraft(keyOf(campaignId));
}

/** The edits kept for this campaign if they were made on the version saved now; any others are dropped. */
export function takeUnsavedEdits(campaignId: number, savedVersion: number): KeptEdits | undefined {
  const kept = readDraft(keyOf(campaignId));
  const document = kept?.value as Partial<CampaignDocument> | undefined;
  if (!kept || document?.id !== campaignId || document.editVersion !== savedVersion) {
    dropUnsavedEdits(campaignId);
    return undefined;
  }
  return { document: document as CampaignDocument, keptAt: kept.keptAt };
}
