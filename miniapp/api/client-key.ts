/**
 * Keys that make a send safe to repeat: the server writes a text sent with a key once, and answers a repeat of it with
 * what the first send made (server/support/ticket-keys.ts, and the office's replies). 24 hex characters from the
 * platform's random source (`crypto.randomUUID` needs a secure context some WebViews do not give).
 */
export const newClientKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The key of the text being composed. Sending the same text again — a retry after a lost answer — carries the same
 * key, so the server writes it once; an edited text is another text and gets a new key (the server would refuse the
 * old key with other content, 409); after a send went through, `sent()` so the next text gets its own.
 *
 * @example
 * const keys = composeKey();
 * keys.keyFor('Где код?') === keys.keyFor('Где код?'); // true: a retry
 * keys.sent(); keys.keyFor('Где код?'); // a new key: a new message with the same words
 */
export function composeKey(make: () => string = newClientKey) {
  let current: { text: string; key: string } | undefined;
  return {
    keyFor(text: string): string {
      if (current?.text !== text) current = { text, key: make() };
      return current.key;
    },
    sent(): void {
      current = undefined;
    },
  };
}
