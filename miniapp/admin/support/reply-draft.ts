/**
 * @module A support reply being typed, kept on the device per request (../kept-drafts.ts): leaving the request (Back to
 * the inbox, another request, closing the app) and coming back finds the text as it was; sent, it is dropped. Only a
 * string is accepted back.
 */
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { dropDraft, keepDraft, readDraft } from '../kept-drafts.ts';

const keyOf = (brandId: number, ticketId: number) => `support.reply.${brandId}.${ticketId}`;

/** Keeps the text; one with nothing visible in it is not worth offering back, so it drops instead. */
export function keepReplyDraft(brandId: number, ticketId: number, body: string): void {
  if (hasVisibleText(body)) keepDraft(keyOf(brandId, ticketId), body);
  else dropDraft(keyOf(brandId, ticketId));
}

export function dropReplyDraft(brandId: number, ticketId: number): void {
  dropDraft(keyOf(brandId, ticketId));
}

/** The reply kept for this request, or '' when there is none. */
export function takeReplyDraft(brandId: number, ticketId: number): string {
  const kept = readDraft(keyOf(brandId, ticketId))?.value;
  return typeof kept === 'string' ? kept : '';
}
