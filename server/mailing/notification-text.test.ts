import { describe, expect, it } from 'vitest';
import { fitNotification, NOTIFICATION_MAX_CHARS, notificationLengthIssues } from './notification-text.ts';

describe('notification text', () => {
  it('is refused over the limit at its own path, and accepted at it', () => {
    const at = 'я'.repeat(NOTIFICATION_MAX_CHARS);
    expect(
      notificationLengthIssues([
        ['text', at],
        ['texts.en', `${at}!`],
        ['variants.0.text', undefined],
      ]),
    ).toEqual([{ path: 'texts.en', message: expect.stringContaining('254') }]);
  });

  it('is sent whole up to the limit, and cut there without splitting an emoji', () => {
    const at = 'a'.repeat(NOTIFICATION_MAX_CHARS);
    expect(fitNotification(at)).toBe(at);
    const emojiAcross = `${'a'.repeat(NOTIFICATION_MAX_CHARS - 1)}🎁 and more`;
    const sent = fitNotification(emojiAcross);
    expect(sent).toBe('a'.repeat(NOTIFICATION_MAX_CHARS - 1));
    expect(sent).not.toMatch(/[\uD800-\uDBFF]$/);
    const emojiInside = `${'a'.repeat(NOTIFICATION_MAX_CHARS - 2)}🎁 and more`;
    expect(fitNotification(emojiInside)).toBe(`${'a'.repeat(NOTIFICATION_MAX_CHARS - 2)}🎁`);
  });
});
