/**
 * @module How long a notification may be. VK's `notifications.sendMessage` takes at most 254 characters; a longer
 * text is refused when the rule or broadcast is saved (422 at the field), so nothing is cut when it is sent.
 */
export const NOTIFICATION_MAX_CHARS = 254;

/** The issues for texts too long for a notification, at their own paths (`text`, `texts.en`, `variants.0.text`). */
export function notificationLengthIssues(texts: [path: string, text: string | undefined][]) {
  return texts
    .filter(([, text]) => (text ?? '').length > NOTIFICATION_MAX_CHARS)
    .map(([path]) => ({ path, message: `notification texts are at most ${NOTIFICATION_MAX_CHARS} characters` }));
}

/**
 * The text as sent: saves refuse longer ones, so this only guards rows queued before that limit (or by hand). It cuts
 * at the limit without leaving half of a surrogate pair (an emoji), which VK would show as a broken character.
 */
export function fitNotification(text: string): string {
  if (text.length <= NOTIFICATION_MAX_CHARS) return text;
  const cut = text.slice(0, NOTIFICATION_MAX_CHARS);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
