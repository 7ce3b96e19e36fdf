import { describe, expect, it } from 'vitest';
import { CLOSE_REASONS } from '../../../server/mailing/close-reasons.ts';
import { fill } from '../../i18n-fill.ts';
import { mailingsMessages } from '../i18n-mailings.ts';
import { broadcastState, failedReason, notSentReason } from './broadcast-state.ts';

const at = Date.UTC(2026, 5, 1, 9);

describe("a broadcast's state in the office", () => {
  it('one not sent because the agency switched the brand off says so, in ru and en; a member’s stop reads as stopped', () => {
    const off = {
      status: 'cancelled' as const,
      cancelReason: 'brand_switched_off' as const,
      scheduledAt: at,
      enqueuedCount: 0,
      sentCount: 0,
      openCount: 0,
    };
    expect(broadcastState(mailingsMessages.ru, 'ru', off, 'Europe/Moscow')).toBe(
      'Не отправлена: агентство выключило бренд, когда подошло её время',
    );
    expect(broadcastState(mailingsMessages.en, 'en', off, 'Europe/Moscow')).toBe(
      'Not sent: the agency had switched the brand off when its time came',
    );
    const stopped = { ...off, cancelReason: null };
    expect(broadcastState(mailingsMessages.ru, 'ru', stopped, 'Europe/Moscow')).toBe('Остановлена');
  });

  it('one handed to the outbox reads "sending" while anything is left to send, then "finished", in ru and en', () => {
    const sending = {
      status: 'enqueued' as const,
      cancelReason: null,
      scheduledAt: at,
      enqueuedCount: 3,
      sentCount: 1,
      openCount: 2,
    };
    expect(broadcastState(mailingsMessages.ru, 'ru', sending, 'Europe/Moscow')).toBe('Отправляется · Получат: 3');
    expect(broadcastState(mailingsMessages.en, 'en', sending, 'Europe/Moscow')).toBe('Sending · Recipients: 3');
    const finished = { ...sending, sentCount: 3, openCount: 0 };
    expect(broadcastState(mailingsMessages.ru, 'ru', finished, 'Europe/Moscow')).toBe('Завершена');
    expect(broadcastState(mailingsMessages.en, 'en', finished, 'Europe/Moscow')).toBe('Finished');
  });

  it('one whose queued messages the agency closed by switching the brand off says how many went out, in ru and en (decision 064)', () => {
    const off = {
      status: 'cancelled' as const,
      cancelReason: 'brand_switched_off' as const,
      scheduledAt: at,
      enqueuedCount: 5,
      sentCount: 0,
      openCount: 0,
    };
    expect(broadcastState(mailingsMessages.ru, 'ru', off, 'Europe/Moscow')).toBe(
      'Не отправлена: агентство выключило бренд до отправки · отправлено 0 из 5',
    );
    expect(broadcastState(mailingsMessages.en, 'en', off, 'Europe/Moscow')).toBe(
      'Not sent: the agency switched the brand off before it went out · 0 of 5 sent',
    );
    const partly = { ...off, sentCount: 2 };
    expect(broadcastState(mailingsMessages.ru, 'ru', partly, 'Europe/Moscow')).toBe(
      'Отправлена частично: агентство выключило бренд · отправлено 2 из 5',
    );
    expect(broadcastState(mailingsMessages.en, 'en', partly, 'Europe/Moscow')).toBe(
      'Partly sent: the agency switched the brand off · 2 of 5 sent',
    );
    // A member's stop of a half-sent broadcast still reads as stopped.
    expect(broadcastState(mailingsMessages.en, 'en', { ...partly, cancelReason: null }, 'Europe/Moscow')).toBe(
      'Stopped',
    );
  });

  it('one whose messages came due while its community had no token says so and how many went out, in ru and en (decision 078)', () => {
    const none = {
      status: 'cancelled' as const,
      cancelReason: 'no_community_token' as const,
      scheduledAt: at,
      enqueuedCount: 3,
      sentCount: 0,
      openCount: 0,
    };
    expect(broadcastState(mailingsMessages.ru, 'ru', none, 'Europe/Moscow')).toBe(
      'Не отправлена: у сообщества нет токена для отправки, подключите его в кабинете агентства · отправлено 0 из 3',
    );
    expect(broadcastState(mailingsMessages.en, 'en', none, 'Europe/Moscow')).toBe(
      'Not sent: the community has no token to send with; connect it in the agency office · 0 of 3 sent',
    );
    const partly = { ...none, sentCount: 1 };
    expect(broadcastState(mailingsMessages.ru, 'ru', partly, 'Europe/Moscow')).toBe(
      'Отправлена частично: у сообщества не стало токена для отправки · отправлено 1 из 3',
    );
    expect(broadcastState(mailingsMessages.en, 'en', partly, 'Europe/Moscow')).toBe(
      'Partly sent: the community lost its token to send with · 1 of 3 sent',
    );
    expect(notSentReason(mailingsMessages.ru, 'no_community_token')).toBe('У сообщества нет токена для отправки');
    expect(notSentReason(mailingsMessages.en, 'no_community_token')).toBe('The community has no token to send with');
  });

  it('one whose notifications came due while its app had no service token says so and how many went out, in ru and en (decision 090)', () => {
    const none = {
      status: 'cancelled' as const,
      cancelReason: 'no_app_token' as const,
      scheduledAt: at,
      enqueuedCount: 4,
      sentCount: 0,
      openCount: 0,
    };
    expect(broadcastState(mailingsMessages.ru, 'ru', none, 'Europe/Moscow')).toBe(
      'Не отправлена: у приложения нет сервисного ключа для уведомлений, добавьте его в кабинете агентства · отправлено 0 из 4',
    );
    expect(broadcastState(mailingsMessages.en, 'en', none, 'Europe/Moscow')).toBe(
      'Not sent: the app has no service token for notifications; add it in the agency office · 0 of 4 sent',
    );
    const partly = { ...none, sentCount: 2 };
    expect(broadcastState(mailingsMessages.ru, 'ru', partly, 'Europe/Moscow')).toBe(
      'Отправлена частично: у приложения не стало сервисного ключа для уведомлений · отправлено 2 из 4',
    );
    expect(broadcastState(mailingsMessages.en, 'en', partly, 'Europe/Moscow')).toBe(
      'Partly sent: the app lost its service token for notifications · 2 of 4 sent',
    );
    expect(notSentReason(mailingsMessages.ru, 'no_app_token')).toBe(
      'У приложения нет сервисного ключа для уведомлений',
    );
    expect(notSentReason(mailingsMessages.en, 'no_app_token')).toBe('The app has no service token for notifications');
  });

  it('every reason the outbox closes a message with is worded in both languages, each in its own words (decision 111)', () => {
    for (const language of ['ru', 'en'] as const) {
      const words = CLOSE_REASONS.map((reason) => notSentReason(mailingsMessages[language], reason));
      for (const [i, reason] of CLOSE_REASONS.entries()) expect(words[i], `${language} ${reason}`).not.toBe(reason);
      // «they unsubscribed» and «you stopped it» never read alike.
      expect(new Set(words).size).toBe(CLOSE_REASONS.length);
    }
    expect(notSentReason(mailingsMessages.ru, 'brand_switched_off')).toBe('Агентство выключило бренд');
    // A row closed with no reason stored (an earlier release): the server reads it as `unrecorded`, worded too.
    expect(notSentReason(mailingsMessages.ru, 'unrecorded')).toBe('Причина не записана');
    expect(notSentReason(mailingsMessages.en, 'tester_reset')).toBe('The tester’s plays were reset');
  });

  it('why messages failed reads in words, not as the sender’s codes (bot/sender/vk-errors.ts, outbox-claim.ts)', () => {
    const ru = mailingsMessages.ru;
    const en = mailingsMessages.en;
    const codes = [
      'notifications_disabled',
      'app_not_installed',
      'consent_revoked',
      'privacy_settings',
      'delivery_unknown',
    ];
    for (const m of [ru, en]) for (const code of codes) expect(failedReason(m, code), code).not.toMatch(/_/);
    expect(failedReason(ru, 'vk_914: Message is too long')).toBe('ВКонтакте отказал (код 914): Message is too long');
    expect(failedReason(en, 'vk_914: Message is too long')).toBe('VK refused (code 914): Message is too long');
    // Retries run out: said as one sentence (it read «Все попытки исчерпаны: …» / "Every attempt used: …"), and
    // VK's refusals that are retried (6, 9) in words, not VK's English in a Russian office.
    expect(failedReason(ru, 'attempts_exhausted: notification_daily_limit')).toBe(
      'Не отправлено и после повторных попыток: дневной лимит уведомлений ВКонтакте',
    );
    expect(failedReason(en, 'attempts_exhausted: network: socket hang up')).toBe(
      'Not sent after every retry: VK did not answer (socket hang up)',
    );
    expect(failedReason(ru, 'attempts_exhausted: vk_6: Too many requests per second')).toBe(
      'Не отправлено и после повторных попыток: ВКонтакте ограничил частоту запросов',
    );
    expect(failedReason(en, 'attempts_exhausted: vk_9: Flood control')).toBe(
      'Not sent after every retry: VK took the messages for flooding (the same text too often)',
    );
    expect(failedReason(ru, 'vk_9: Flood control')).toBe(
      'ВКонтакте счёл сообщения флудом (одинаковый текст слишком часто)',
    );
    expect(failedReason(ru, 'something_new')).toBe('something_new');
  });

  it('a language without text says how many get the default one in words right for any count (the composer)', () => {
    // Red before: «…: 1 получат текст…» (a verb in the plural after 1, 21, 31…).
    for (const count of [1, 2, 5, 21]) {
      const ru = fill(mailingsMessages.ru.missingLanguage, { language: 'английском', count });
      expect(ru).toContain(`: ${count};`);
      expect(ru).not.toMatch(/\d получат/);
      expect(fill(mailingsMessages.en.missingLanguage, { language: 'English', count })).toContain(`: ${count};`);
    }
  });
});
