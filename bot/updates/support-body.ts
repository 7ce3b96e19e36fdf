/**
 * What a community message puts in a support ticket: its text, and a line naming what came with it (a screenshot of
 * the problem is what people send most) with a link to the dialog in the community's messages, where the brand sees
 * the files themselves — the office stores text only. A message of a photo alone was dropped, the question lost
 * (found from outside). A sticker alone is not a question (a thank-you, a smile) and opens nothing; nor is text that
 * shows nothing.
 */
import type { MessageContext } from 'vk-io';
import { hasVisibleText } from '../../server/http/visible-text.ts';

/** The ticket's text for this message, or undefined when it carries nothing to answer. */
export function supportBody(context: MessageContext, groupId: number): string | undefined {
  const written = (context.text ?? '').trim();
  // Zero-width or control characters alone read as nothing: no question in them (server/http/visible-text.ts).
  const text = hasVisibleText(written) ? written : '';
  const counts = new Map<string, number>();
  for (const a of context.attachments) if (a.type !== 'sticker') counts.set(a.type, (counts.get(a.type) ?? 0) + 1);
  if (counts.size === 0) return text === '' ? undefined : text;
  const files = [...counts].map(([type, n]) => (n > 1 ? `${type} ×${n}` : type)).join(', ');
  const note = `📎 ${files} — https://vk.com/gim${groupId}?sel=${context.senderId}`;
  return text === '' ? note : `${text}\n${note}`;
}
