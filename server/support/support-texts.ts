/**
 * @module The system texts support sends around a brand's answer, per participant language (Russian the fallback):
 * the line that tells a community-message reader which request the answer belongs to.
 */
const REPLY_HEADER = {
  ru: (ticketId: number) => `Ответ поддержки по обращению №${ticketId}:`,
  en: (ticketId: number) => `Support reply to your request #${ticketId}:`,
} as const;

/** The community message carrying an answer, in the participant's language. */
export function supportReplyText(language: string | undefined, ticketId: number, body: string): string {
  const header = language === 'en' ? REPLY_HEADER.en : REPLY_HEADER.ru;
  return `${header(ticketId)}\n${body}`;
}
