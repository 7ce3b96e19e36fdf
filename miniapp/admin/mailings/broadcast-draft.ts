/**
 * @module The broadcast composer's fields as one value, kept on the device while they are typed (../kept-drafts.ts)
 * per campaign, so a message half-written is there again when the composer opens next; dropped once sent (or
 * scheduled) or discarded. What comes back is checked field by field: an unreadable draft is not offered.
 */
import { dropDraft, keepDraft, readDraft } from '../kept-drafts.ts';
import { type Channel, LANGUAGES, type Language } from './mailing-api.ts';
import type { SegmentValue } from './SegmentFields.tsx';

export interface BroadcastForm {
  name: string;
  segment: SegmentValue;
  channel: Channel;
  texts: Record<Language, string>;
  /** The deep link's hash, '' for no button. */
  link: string;
  targetStage: string;
  /** `datetime-local` wall time in the campaign's zone, '' to send now. */
  scheduleAt: string;
  ignoreQuiet: boolean;
}

/** Sets one field of the form (the composer's parts each set their own). */
export type SetBroadcastField = <K extends keyof BroadcastForm>(field: K, value: BroadcastForm[K]) => void;

export const EMPTY_BROADCAST: BroadcastForm = {
  name: '',
  segment: {},
  channel: 'message',
  texts: { ru: '', en: '' },
  link: '',
  targetStage: '',
  scheduleAt: '',
  ignoreQuiet: false,
};

const keyOf = (campaignId: number) => `broadcast.${campaignId}`;

/** Keeps the form; an untouched one is not worth offering back, so it drops instead. */
export function keepBroadcastDraft(campaignId: number, form: BroadcastForm): void {
  if (JSON.stringify(form) === JSON.stringify(EMPTY_BROADCAST)) dropDraft(keyOf(campaignId));
  else keepDraft(keyOf(campaignId), form);
}

export function dropBroadcastDraft(campaignId: number): void {
  dropDraft(keyOf(campaignId));
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** The form kept for this campaign's composer, if there is a readable one. */
export function takeBroadcastDraft(campaignId: number): { form: BroadcastForm; keptAt: number } | undefined {
  const kept = readDraft(keyOf(campaignId));
  const f = kept?.value as Partial<BroadcastForm> | undefined;
  const readable =
    f &&
    isString(f.name) &&
    typeof f.segment === 'object' &&
    f.segment !== null &&
    (f.channel === 'message' || f.channel === 'notification') &&
    typeof f.texts === 'object' &&
    f.texts !== null &&
    LANGUAGES.every((l) => isString(f.texts?.[l])) &&
    isString(f.link) &&
    isString(f.targetStage) &&
    isString(f.scheduleAt) &&
    typeof f.ignoreQuiet === 'boolean';
  if (!kept || !readable) {
    dropBroadcastDraft(campaignId);
    return undefined;
  }
  return { form: f as BroadcastForm, keptAt: kept.keptAt };
}
