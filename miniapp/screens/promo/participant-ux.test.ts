import { describe, expect, it } from 'vitest';
import { accentStyle, labelOn } from '../../accent-style.ts';
import type { Task } from '../../api/client.ts';
import { AA_TEXT, contrastRatio, hexToRgb, type Rgb } from '../../contrast.ts';
import { messages } from '../../i18n.ts';
import { promoRu } from '../../i18n-promo.ts';
import { inviteWithoutLink, taskStateText } from './task-visuals.tsx';
import { wheelListing } from './wheel-listing.ts';

const t = { ...messages.ru, ...promoRu };
const codeTask: Task = {
  key: 'pack-code',
  kind: 'enter_code',
  title: 'Введите код с упаковки',
  description: 'Код напечатан под крышкой.',
  state: 'failed',
  verification: 'server_verified',
  level: null,
  failure: 'code_unknown',
  attemptsGranted: 0,
  action: {},
};

describe('participant screens', () => {
  it('a quiz task whose attempts are used says so in every state but done (a start by hand made it "in progress")', () => {
    const quiz: Task = { ...codeTask, kind: 'quiz', failure: 'score_too_low', action: { attemptsLeft: 0 } };
    expect(taskStateText(t, quiz)).toBe(promoRu.quizAttemptsUsed);
    expect(taskStateText(t, { ...quiz, state: 'in_progress', failure: null })).toBe(promoRu.quizAttemptsUsed);
    expect(taskStateText(t, { ...quiz, action: { attemptsLeft: 1 } })).toBe(promoRu.failure_score_too_low);
    expect(taskStateText(t, { ...quiz, state: 'done', level: 'server_verified' })).toBe(promoRu.taskVerified);
  });

  it("item 17: a wrong code's error is shown when just entered, not again over an empty field after a reload", () => {
    expect(taskStateText(t, codeTask, { freshFailure: true })).toBe(promoRu.failure_code_unknown);
    expect(taskStateText(t, codeTask)).toBe(codeTask.description);
    // Other kinds keep telling why they failed (the user retries the same action).
    expect(taskStateText(t, { ...codeTask, kind: 'join_community', failure: 'not_member' })).toBe(
      promoRu.failure_not_member,
    );
  });

  it('an invitation the server made no link for (its platform app address not configured) offers nothing and says why', () => {
    const invite: Task = {
      ...codeTask,
      key: 'friends',
      kind: 'invite_friends',
      state: 'todo',
      failure: null,
      action: { friendsRequired: 2, friendsJoined: 0, referralCode: 'aZ3k_Q-9' },
    };
    expect(inviteWithoutLink(invite)).toBe(true);
    expect(taskStateText(t, invite)).toBe(promoRu.inviteNoLink);
    const linked = { ...invite, action: { ...invite.action, shareLink: 'https://t.me/promo_bot/promo?startapp=x' } };
    expect(inviteWithoutLink(linked)).toBe(false);
    expect(taskStateText(t, linked)).toBe(invite.description);
    // Done stays done; before the participant joined there is no code yet, nothing to say about a link.
    expect(inviteWithoutLink({ ...invite, state: 'done' })).toBe(false);
    expect(inviteWithoutLink({ ...invite, action: { friendsRequired: 2, friendsJoined: 0 } })).toBe(false);
  });

  it("item 17: the campaign's accent colour from the API becomes VKUI's accent tokens; a non-colour is ignored", () => {
    const style = accentStyle('#E64646') as Record<string, string>;
    expect(style['--vkui--color_background_accent_themed']).toBe('#E64646');
    expect(style['--vkui--color_text_accent']).toBe('#E64646');
    expect(accentStyle('red;background:url(x)')).toBeUndefined();
    expect(accentStyle(undefined)).toBeUndefined();
    expect(accentStyle(null)).toBeUndefined();
  });

  it('a primary button on the accent is labelled white or black by WCAG contrast ratio, not by the theme', () => {
    // VKUI's dark theme labels accent buttons dark: unreadable on a deep green; a pale yellow needs black in light.
    expect((accentStyle('#1a7f5a') as Record<string, string>)['--vkui--color_text_contrast_themed']).toBe('#ffffff');
    expect((accentStyle('#ffd500') as Record<string, string>)['--vkui--color_text_contrast_themed']).toBe('#000000');
    expect(labelOn('#fff')).toBe('#000000');
    expect(labelOn('#000')).toBe('#ffffff');
    // The quiz's red: white is 3.9:1, black 5.3:1 (brightness said white).
    expect(labelOn('#E64646')).toBe('#000000');
    expect(labelOn('#2688eb')).toBe('#000000'); // 5.8:1 against white's 3.6:1
    expect(labelOn('#aaaaaa')).toBe('#000000');
  });

  it('every accent colour gets a label of at least 4.5:1, at rest, hovered and pressed', () => {
    const mix = (c: Rgb, away: number, keep: number): Rgb =>
      c.map((v) => v * keep + away * (1 - keep)) as unknown as Rgb;
    let worst = Number.POSITIVE_INFINITY;
    for (let n = 0; n < 4096; n++) {
      const hex = `#${n.toString(16).padStart(3, '0')}`;
      const rgb = hexToRgb(hex);
      const label: Rgb = labelOn(hex) === '#ffffff' ? [255, 255, 255] : [0, 0, 0];
      // Hover and press mix the accent 88% and 80% with the colour away from the label (accentStyle).
      const away = label[0] === 255 ? 0 : 255;
      for (const keep of [1, 0.88, 0.8]) worst = Math.min(worst, contrastRatio(mix(rgb, away, keep), label));
    }
    expect(worst).toBeGreaterThanOrEqual(AA_TEXT);
    const style = accentStyle('#E64646') as Record<string, string>;
    expect(style['--vkui--color_background_accent--hover']).toBe('color-mix(in srgb, #E64646 88%, white)');
    expect((accentStyle('#1a7f5a') as Record<string, string>)['--vkui--color_background_accent--active']).toBe(
      'color-mix(in srgb, #1a7f5a 80%, black)',
    );
  });

  it('item 17: the code placeholder fits a 390 px phone and the quiz intro has no jargon', () => {
    // A 390 px screen leaves about 150 px for the field beside its button: 9 characters of 16 px text.
    expect(promoRu.codePlaceholder.length).toBeLessThanOrEqual(10);
    expect(promoRu.quizIntro).not.toMatch(/сервер/i);
    expect(promoRu.yourPrize).not.toBe(promoRu.yourCode);
  });

  it('item 5: a wheel decided by the prize calendar promises no odds; one decided by odds lists them', () => {
    const wheel = {
      sectors: [
        { key: 'mug', label: 'Mug', rewardKey: 'mug', weight: 1, odds: 0.5 },
        { key: 'lose', label: 'Not this time', rewardKey: null, weight: 1, odds: 0.5 },
      ],
      excluded: [],
      resetHour: 0,
      decidedBy: 'odds' as const,
      attempts: null,
      nextFreeAt: null,
    };
    expect(wheelListing(wheel)).toMatchObject({ header: 'wheelOdds', showOdds: true, note: null });
    expect(wheelListing(wheel).sectors).toHaveLength(2);
    const calendar = wheelListing({ ...wheel, decidedBy: 'calendar' });
    expect(calendar).toMatchObject({ header: 'wheelPrizes', showOdds: false, note: 'wheelCalendarNote' });
    expect(calendar.sectors.map((s) => s.key)).toEqual(['mug']);
    expect(promoRu[calendar.header] && promoRu.wheelCalendarNote).toBeTruthy();
  });
});
