import { describe, expect, it } from 'vitest';
import { messages } from '../../i18n.ts';
import { officeEn, officeMessages } from '../i18n-office.ts';
import { previewWaitsNote } from './preview-waits-note.ts';

/** The words the pane is given (useOffice's `t`): the participant's and the office's. */
const officeWords = (l: 'ru' | 'en') => ({ ...messages[l], ...officeMessages[l] });

describe('what the pane says while it waits', () => {
  it('a field still empty is to be filled in; one filled but refused is to be fixed, saying why (ru)', () => {
    const t = officeWords('ru');
    expect(previewWaitsNote({ path: 'tasks.0.config.url', reason: 'empty' }, t, 'ru')).toBe(
      'Предпросмотр обновится, когда будет заполнено поле «Задание 1 · Ссылка»',
    );
    expect(previewWaitsNote({ path: 'title.ru', reason: 'too_long', max: 20_000 }, t, 'ru')).toBe(
      'Предпросмотр обновится, когда поле «Название · RU» будет исправлено: не длиннее 20\u00a0000 символов',
    );
    expect(previewWaitsNote({ path: 'settings.organizer', reason: 'blank' }, t, 'ru')).toBe(
      'Предпросмотр обновится, когда поле «Организатор» будет исправлено: в нём только невидимые символы',
    );
    expect(previewWaitsNote({ path: 'tasks.0.config.maxAttempts', reason: 'invalid' }, t, 'ru')).toMatch(
      /^Предпросмотр обновится, когда поле «Задание 1 · .+» будет исправлено$/,
    );
  });

  it('likewise in English', () => {
    const t = officeWords('en');
    expect(previewWaitsNote({ path: 'tasks.0.config.url', reason: 'empty' }, t, 'en')).toBe(
      'The preview updates once “Task 1 · Link” is filled in',
    );
    expect(previewWaitsNote({ path: 'title.en', reason: 'too_long', max: 200 }, t, 'en')).toBe(
      'The preview updates once “Title · EN” is fixed: at most 200 characters',
    );
    expect(previewWaitsNote({ path: 'settings.faq.0.q.ru', reason: 'blank' }, t, 'en')).toMatch(
      /^The preview updates once “.+” is fixed: it holds only invisible characters$/,
    );
    expect(previewWaitsNote({ path: 'theme.coverUrl', reason: 'invalid' }, t, 'en')).toBe(
      `The preview updates once “${officeEn.coverUrl}” is fixed`,
    );
  });
});
