import { describe, expect, it } from 'vitest';
import { BOT_MESSAGE_MAX, fitLines } from './participant-summary.ts';
import { BOT_TEXTS } from './replies.ts';

describe("the bot's lists", () => {
  it('a list longer than one VK message keeps whole lines and says how many more there are', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `• Скидка ${i + 1}%: PROMO-${String(i).padStart(12, '0')}`);
    const text = fitLines('Ваши призы:', lines, BOT_TEXTS.ru.more);
    expect(text.length).toBeLessThanOrEqual(BOT_MESSAGE_MAX);
    const shown = text.split('\n').slice(1, -1);
    expect(shown).toEqual(lines.slice(0, shown.length));
    expect(text.split('\n').at(-1)).toBe(`…и ещё ${200 - shown.length} — в приложении`);
    // A short list is untouched.
    expect(fitLines('Ваши призы:', lines.slice(0, 3), BOT_TEXTS.ru.more)).toBe(
      ['Ваши призы:', ...lines.slice(0, 3)].join('\n'),
    );
  });
});
