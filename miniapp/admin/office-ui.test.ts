/**
 * The office UI's pure parts: dates in the campaign's time zone, the preview's in-memory router and its read-only
 * data source, refusals turned into problems, and the lifecycle table the buttons follow.
 */
import { describe, expect, it } from 'vitest';
import { TRANSITIONS } from '../../server/office/campaigns/campaign-transitions.ts';
import { ApiRequestError, type CampaignRules, type CampaignState } from '../api/client.ts';
import { freshKey, removeAt } from './editor/document-edit.ts';
import { problemText } from './editor/editor-context.ts';
import { savePublishes } from './editor/lifecycle.ts';
import { problemsOfRefusal } from './editor/use-campaign-draft.ts';
import { officeEn, officeRu } from './i18n-office.ts';
import type { Preview } from './office-api.ts';
import { createMemoryRouter } from './preview/memory-router.ts';
import { PREVIEW_WRITE, previewApiClient } from './preview/preview-api.ts';
import { fromWallTime, toWallTime } from './zoned-time.ts';

const preview = {
  campaign: { id: 7, title: 'Typed title' },
  state: { campaign: { id: 7, title: 'Typed title', phase: 'running' }, tasks: [], participant: null },
  rules: { legalType: 'instant_win', sections: [] } as unknown as CampaignRules,
} as unknown as Preview;

describe('office UI', () => {
  it('item 3: campaign dates are read and written as wall time in the campaign time zone, across DST', () => {
    const ms = Date.UTC(2026, 11, 1, 9, 30); // 12:30 in Moscow (UTC+3)
    expect(toWallTime(ms, 'Europe/Moscow')).toBe('2026-12-01T12:30');
    expect(fromWallTime('2026-12-01T12:30', 'Europe/Moscow')).toBe(ms);
    expect(toWallTime(ms, 'Asia/Vladivostok')).toBe('2026-12-01T19:30');
    // Berlin in summer (UTC+2) and in winter (UTC+1): the offset of that date, not of today.
    expect(fromWallTime('2026-07-01T10:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 1, 8, 0));
    expect(fromWallTime('2026-01-01T10:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 0, 1, 9, 0));
    expect(fromWallTime('garbage', 'UTC')).toBeUndefined();
  });

  it('item 4: the preview router walks the participant routes in memory and never touches the address', () => {
    const before = globalThis.location;
    const router = createMemoryRouter('/campaign/7');
    expect(router.getState().location.panel).toBe('campaign');
    expect(router.getState().isFirstPage).toBe(true);
    let seen = 0;
    router.subscribe(() => seen++);
    router.push('/campaign/7/rules');
    expect(router.getState().location.panel).toBe('rules');
    expect(router.getState().panelsHistory).toEqual(['campaign', 'rules']);
    router.back();
    expect(router.getState().location.panel).toBe('campaign');
    expect(seen).toBe(2);
    expect(globalThis.location).toBe(before);
  });

  it('item 4: the preview data source answers reads from the projection and refuses every write', async () => {
    const api = previewApiClient(preview, 'read only');
    expect((await api.campaignState(7)).campaign.title).toBe('Typed title');
    // Opening would create a participant row: the preview answers with the fresh participant's state instead.
    expect(await api.openCampaign(7)).toEqual({ created: false, state: preview.state as CampaignState });
    expect(await api.rules(7)).toEqual(preview.rules);
    for (const write of [
      () => api.startTask(7, 'a'),
      () => api.completeTask(7, 'a', { result: 'done' }),
      () => api.submitQuiz(7, {}),
      () => api.spinWheel(7),
      () => api.claimReward(7, 'r'),
      () => api.request('POST', '/api/support/tickets', {}),
    ]) {
      await expect(write()).rejects.toMatchObject({ code: PREVIEW_WRITE });
    }
    // A read answers a copy: a screen that mutates what it got cannot change the projection.
    const state = await api.campaignState(7);
    (state.campaign as { title: string }).title = 'changed';
    expect((await api.campaignState(7)).campaign.title).toBe('Typed title');
  });

  it('item 3: a refused publish lists its problems by code; a shape error by path', () => {
    const refused = new ApiRequestError(422, 'not_publishable', 'x', {
      issues: [{ path: 'rewards.0.stock', message: 'reward_without_stock' }],
    });
    expect(problemsOfRefusal(refused, 'ru')).toEqual([
      {
        path: 'rewards.0.stock',
        code: 'reward_without_stock',
        severity: 'error',
        params: { message: 'reward_without_stock' },
      },
    ]);
    const withProblems = new ApiRequestError(422, 'not_publishable', 'x', {
      problems: [{ path: 'title.en', code: 'translation_missing', severity: 'warning', params: {} }],
    });
    expect(problemsOfRefusal(withProblems, 'ru')?.[0]?.code).toBe('translation_missing');
    // A key the server does not know, named in the list (red before: «Значение не подходит: …», a value blamed).
    const typo = new ApiRequestError(422, 'invalid_input', 'x', {
      issues: [
        {
          path: 'settings.wheel.dailyFreeAtempts',
          message: 'x',
          code: 'unknown_key',
          params: { key: 'dailyFreeAtempts' },
        },
      ],
    });
    const [unknown] = problemsOfRefusal(typo, 'ru') ?? [];
    if (!unknown) throw new Error('no problem');
    expect(problemText(officeRu as Parameters<typeof problemText>[0], unknown, 'ru')).toBe(
      'Здесь нет настройки «dailyFreeAtempts»: проверьте, как она написана',
    );
    const shape = new ApiRequestError(422, 'invalid_input', 'x', { issues: [{ path: 'slug', message: 'bad' }] });
    expect(problemsOfRefusal(shape, 'ru')?.[0]).toMatchObject({ path: 'slug', code: 'invalid' });
    // Worded in the office's language without the code, never with the server's English message.
    const [invalid] = problemsOfRefusal(shape, 'ru') ?? [];
    if (!invalid) throw new Error('no problem');
    expect(problemText(officeRu as Parameters<typeof problemText>[0], invalid, 'ru')).toBe(
      'Значение не подходит: проверьте, как оно записано',
    );
    expect(problemText(officeEn as Parameters<typeof problemText>[0], invalid, 'en')).toBe(
      'This value does not fit: check how it is written',
    );
    expect(problemsOfRefusal(new ApiRequestError(409, 'transition_not_allowed', 'x'), 'ru')).toBeUndefined();
    // A shape issue with a code the office words says what is wrong: a link that is not a web address, a bound.
    const worded = new ApiRequestError(422, 'invalid_input', 'x', {
      issues: [
        { path: 'tasks.1.config.url', message: 'An http:// or https:// address', code: 'not_a_web_address' },
        {
          path: 'tasks.1.title.ru',
          message: 'Too big',
          code: 'too_big',
          params: { limit: 200, origin: 'string', inclusive: 1 },
        },
      ],
    });
    const say = (language: 'ru' | 'en') =>
      (problemsOfRefusal(worded, language) ?? []).map((p) =>
        problemText((language === 'ru' ? officeRu : officeEn) as Parameters<typeof problemText>[0], p, language),
      );
    expect(say('ru')).toEqual([
      'Значение не подходит: нужен адрес сайта, начинающийся с https://',
      'Значение не подходит: не длиннее 200 символов',
    ]);
    expect(say('en')).toEqual([
      'This value does not fit: a web address starting with https:// is needed',
      'This value does not fit: at most 200 characters',
    ]);
  });

  it("item 5: every transition the server's table offers is worded; live and paused saves publish", () => {
    expect(savePublishes('live')).toBe(true);
    expect(savePublishes('paused')).toBe(true);
    expect(savePublishes('draft')).toBe(false);
    expect(savePublishes('scheduled')).toBe(false);
    for (const [from, list] of Object.entries(TRANSITIONS)) {
      for (const to of list) {
        expect(officeRu[`to_${to}`], `${from} → ${to}`).toBeTruthy();
        expect(officeEn[`confirm_${to}`], `${from} → ${to}`).toBeTruthy();
      }
    }
  });

  it('item 5: one helper drops a row from any of the editor lists, leaving the others as they were', () => {
    const rows = [{ key: 'a' }, { key: 'b' }, { key: 'c' }];
    expect(removeAt(rows, 1)).toEqual([{ key: 'a' }, { key: 'c' }]);
    expect(removeAt(rows, 5)).toEqual(rows);
    expect(rows).toHaveLength(3);
    expect(freshKey('a', removeAt(rows, 0))).toBe('a-3');
  });
});
