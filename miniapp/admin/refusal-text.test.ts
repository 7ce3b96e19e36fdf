import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/client.ts';
import { errorTexts } from '../i18n-errors.ts';
import { ISSUE_WORDING } from './refusal-issue-wording.ts';
import { PLACE_WORDING } from './refusal-place.ts';
import { REFUSAL_WORDING, refusalText } from './refusal-text.ts';

/**
 * The error codes the server's source can send: the string literals in an `ApiError`/`RateLimitedError`'s code
 * argument (a ternary names two) and a `fieldRefusal`'s, `errorBody('…')`, and the team authority's grant problems, which a route throws as
 * `ApiError(403, problem.code, …)`.
 */
function serverErrorCodes(): string[] {
  const root = join(import.meta.dirname, '../../server');
  const sources = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(join(root, f), 'utf8'));
  const codes = new Set<string>();
  const literals = (text: string) => [...text.matchAll(/'([a-z]+(?:_[a-z]+)*)'/g)].map((m) => m[1] as string);
  for (const source of sources) {
    for (const m of source.matchAll(/(?:(?:ApiError|RateLimitedError|super)\(\s*\d+,|fieldRefusal\()\s*([^,]+),/g)) {
      for (const code of literals(m[1] as string)) codes.add(code);
    }
    for (const m of source.matchAll(/errorBody\(\s*'([a-z_]+)'/g)) codes.add(m[1] as string);
  }
  const authority = readFileSync(join(root, 'office/team/team-authority.ts'), 'utf8');
  for (const m of authority.matchAll(/code: '([a-z_]+)'/g)) codes.add(m[1] as string);
  return [...codes].sort();
}

/** Codes only a participant's own screen meets, worded there (the lead form's lead-fields.ts, the catalogue's
 * subscribe flow, the local demo's consent button); never sent to an office call. */
const PARTICIPANT_ONLY = ['consent_outdated', 'consent_required', 'invalid_sign', 'no_message_consent', 'not_local'];

describe('server refusals in the office', () => {
  it('every error code the server sends is worded in Russian and English (office wording or the participant’s)', () => {
    const codes = serverErrorCodes().filter((c) => !PARTICIPANT_ONLY.includes(c));
    expect(codes).toContain('pool_key_taken'); // the scan finds the codes it is meant to
    expect(codes).toContain('role_scope');
    expect(codes).toContain('already_on');
    expect(codes).toContain('invalid_cursor'); // thrown through fieldRefusal only
    for (const language of ['ru', 'en'] as const) {
      const unworded = codes.filter((c) => !REFUSAL_WORDING[language][c] && !errorTexts[language][c]);
      expect(unworded, language).toEqual([]);
    }
    expect(Object.keys(REFUSAL_WORDING.en).sort()).toEqual(Object.keys(REFUSAL_WORDING.ru).sort());
  });

  it('a refusal reads in the member’s language, with nothing of the server’s English message', () => {
    const taken = new ApiRequestError(409, 'pool_key_taken', 'Campaign 1 already has a pool "summer15"');
    expect(refusalText(taken, 'ru')).toBe('У этой акции уже есть пул с таким ключом.');
    expect(refusalText(taken, 'en')).toBe('This campaign already has a pool with this key.');
    // A code only the participant's texts word (a lost connection) reads as they word it.
    expect(refusalText(new ApiRequestError(0, 'network', 'The server cannot be reached'), 'ru')).toBe(
      errorTexts.ru.network,
    );
    // A refused publication (the editor lists its problems beside it), thrown by a subclass of ApiError.
    const unpublishable = new ApiRequestError(422, 'not_publishable', 'The campaign has problems to fix', {
      issues: [{ path: 'tasks.1.kind', message: 'task_needs_bot_token' }],
    });
    expect(refusalText(unpublishable, 'ru')).toBe(
      'Акцию нельзя опубликовать, пока есть ошибки из списка «Что исправить».',
    );
    expect(refusalText(unpublishable, 'en')).toBe(
      'The campaign cannot be published while there are errors under “What to fix”.',
    );
  });

  it('a broadcast refused for its community having no token names the community (decision 071)', () => {
    const refused = (code: string) =>
      new ApiRequestError(409, 'no_community_token', 'Community "Кофейня" (VK 2) has no token to send messages with', {
        issues: [{ path: 'channel', message: 'no token', code, params: { community: 'Кофейня', vkGroupId: 2 } }],
      });
    expect(refusalText(refused('community_without_token'), 'ru')).toBe(
      'У сообщества акции нет токена, сообщения рассылки отправить нечем: «Кофейня» (VK 2) — агентство не сохранило его токен.',
    );
    expect(refusalText(refused('community_brand_switched_off'), 'en')).toBe(
      "The campaign's community has no token, so the broadcast's messages cannot be sent: “Кофейня” (VK 2), whose brand the agency switched off.",
    );
  });

  it('a refusal with a field problem the office words names it: a webhook to a private address', () => {
    const refused = new ApiRequestError(
      422,
      'invalid_webhook_url',
      'The webhook URL host 10.0.0.5 is a private address',
      {
        issues: [
          {
            path: 'url',
            message: 'host 10.0.0.5 is a private address',
            code: 'forbidden_host',
            params: { host: '10.0.0.5', addressClass: 'private' },
          },
        ],
      },
    );
    expect(refusalText(refused, 'ru')).toBe('Адрес вебхука не подходит: 10.0.0.5 — внутренняя сеть (private).');
    expect(refusalText(refused, 'en')).toBe('The webhook URL does not fit: 10.0.0.5 is a private address.');
  });

  it('a refusal naming several field problems words each: the placeholders a canned answer cannot fill', () => {
    const refused = new ApiRequestError(422, 'variable_unavailable', 'No value for {name}, {promo_code}', {
      issues: ['name', 'promo_code'].map((variable) => ({
        path: 'body',
        message: `{${variable}} has no value for this participant`,
        code: 'no_value',
        params: { variable },
      })),
    });
    expect(refusalText(refused, 'ru')).toBe('Для этого участника нет значения подстановки: {name}, {promo_code}.');
  });

  it('a limit or a missing piece is named with its numbers: draw tasks, calendar moments, a statistics period', () => {
    const issue = (path: string, code: string, params: Record<string, string | number>) => ({
      path,
      code,
      params,
      message: 'as sent',
    });
    const draw = new ApiRequestError(409, 'draw_misconfigured', 'The draw requires tasks that do not exist: a, b', {
      issues: ['subscribe', 'quiz'].map((task) => issue('requiredTaskKeys', 'missing_task', { task })),
    });
    expect(refusalText(draw, 'ru')).toBe('Розыгрыш требует заданий, которых нет в акции: subscribe, quiz.');
    expect(refusalText(draw, 'en')).toBe('The draw requires tasks the campaign does not have: subscribe, quiz.');
    const moments = new ApiRequestError(422, 'too_many_moments', '12000 moments; at most 10000 at once', {
      issues: [issue('rewards', 'moment_limit', { planned: 12000, max: 10000 })],
    });
    expect(refusalText(moments, 'ru')).toBe(
      'Слишком много моментов за раз: 12\u00a0000, а можно не больше 10\u00a0000.',
    );
    expect(refusalText(moments, 'en')).toBe('Too many moments at once: 12,000, at most 10,000.');
    const range = new ApiRequestError(422, 'range_too_long', 'A range is at most 400 days', {
      issues: [issue('to', 'day_limit', { max: 400 })],
    });
    expect(refusalText(range, 'ru')).toBe('Период слишком длинный: не больше 400 дней.');
    expect(refusalText(range, 'en')).toBe('The period is too long: at most 400 days.');
    const oneDay = new ApiRequestError(422, 'range_too_long', '', { issues: [issue('to', 'day_limit', { max: 21 })] });
    expect(refusalText(oneDay, 'ru')).toBe('Период слишком длинный: не больше 21 дня.');
    // A day the calendar does not have (2026-02-30), refused by the query's schema.
    const noDay = new ApiRequestError(422, 'invalid_input', '1 query parameter is invalid: from (Invalid ISO date)', {
      issues: [issue('from', 'not_a_date', {})],
    });
    expect(refusalText(noDay, 'ru')).toBe('Проверьте заполненные поля: такой даты нет в календаре.');
    expect(refusalText(noDay, 'en')).toBe('Please check the fields: there is no such date in the calendar.');
    // A task's setting its kind does not have (a typo), named as it was sent.
    const typo = new ApiRequestError(422, 'invalid_input', '1 field is invalid', {
      issues: [issue('tasks.0.config.comunityId', 'unknown_key', { key: 'comunityId' })],
    });
    expect(refusalText(typo, 'ru')).toBe('Проверьте заполненные поля: здесь нет настройки «comunityId».');
    expect(refusalText(typo, 'en')).toBe('Please check the fields: there is no setting “comunityId” here.');
  });

  it('a form refused by its schema names the bounds: a number, a text, a list, in the member’s language', () => {
    const bound = (code: string, limit: number, origin: string, inclusive = 1) => ({
      path: 'x',
      message: 'as sent',
      code,
      params: { limit, origin, inclusive },
    });
    const refused = (...issues: ReturnType<typeof bound>[]) =>
      new ApiRequestError(422, 'invalid_input', `${issues.length} fields of the body are invalid`, { issues });
    expect(refusalText(refused(bound('too_big', 10_000, 'number')), 'ru')).toBe(
      'Проверьте заполненные поля: не больше 10\u00a0000.',
    );
    expect(refusalText(refused(bound('too_big', 10_000, 'number')), 'en')).toBe(
      'Please check the fields: at most 10,000.',
    );
    expect(refusalText(refused(bound('too_big', 200, 'string'), bound('too_big', 201, 'string')), 'ru')).toBe(
      'Проверьте заполненные поля: не длиннее 200 символов, не длиннее 201 символа.',
    );
    expect(refusalText(refused(bound('too_small', 1, 'string'), bound('too_small', 1, 'string')), 'ru')).toBe(
      'Проверьте заполненные поля: поле не может быть пустым.',
    );
    expect(refusalText(refused(bound('too_small', 0, 'number', 0)), 'en')).toBe(
      'Please check the fields: more than 0.',
    );
    expect(refusalText(refused(bound('too_small', 1, 'array')), 'en')).toBe(
      'Please check the fields: at least one item is needed.',
    );
    expect(refusalText(refused(bound('too_big', 3, 'array')), 'ru')).toBe(
      'Проверьте заполненные поля: не больше 3 элементов.',
    );
  });

  it('a file or a body over its limit (an import, a long document) names the limit: bytes as MB or KB, characters counted', () => {
    const tooLarge = (code: string, max: number) =>
      new ApiRequestError(413, 'payload_too_large', 'as sent', {
        issues: [{ path: 'body', code, params: { max }, message: 'as sent' }],
      });
    expect(refusalText(tooLarge('byte_limit', 8 * 1024 * 1024), 'ru')).toBe(
      'Слишком большой объём данных: не больше 8 МБ.',
    );
    expect(refusalText(tooLarge('byte_limit', 16 * 1024), 'en')).toBe('Too much data at once: at most 16 KB.');
    expect(refusalText(tooLarge('char_limit', 900_000), 'ru')).toBe(
      'Слишком большой объём данных: не больше 900\u00a0000 символов.',
    );
    expect(refusalText(tooLarge('char_limit', 900_000), 'en')).toBe(
      'Too much data at once: at most 900,000 characters.',
    );
  });

  it('every field problem code the server sends with a refusal is worded in both languages', () => {
    const source = (path: string) => readFileSync(join(import.meta.dirname, '../../server', path), 'utf8');
    const union = source('leads/webhook-address-guard.ts').match(/code: ('[a-z_]+'(?: \| '[a-z_]+')*);/)?.[1] ?? '';
    const codes = [
      ...[...union.matchAll(/'([a-z_]+)'/g)].map((m) => m[1] as string),
      ...[
        'support/canned-variables.ts',
        'promo/draw/draw-entries.ts',
        'promo/calendar/calendar-admin.service.ts',
        'stats/stats-range.ts',
        'office/campaigns/required-texts.ts',
        'mailing/community-token-required.ts',
        'http/person-schema.ts',
      ]
        .flatMap((path) => [...source(path).matchAll(/code: '([a-z_]+)'/g)].map((m) => m[1] as string))
        // zod's own code of a refinement, never sent: field-issues.ts sends the code its params name instead.
        .filter((code) => code !== 'custom'),
      // The size limits of bodies and files (server/http/errors.ts).
      ...[...source('http/errors.ts').matchAll(/(?:bytes|characters): '([a-z_]+)'/g)].map((m) => m[1] as string),
      // zod's bounds, as server/http/field-issues.ts passes them on.
      ...[...source('http/field-issues.ts').matchAll(/issue\.code !== '([a-z_]+)'|code: '([a-z_]+)'/g)].map(
        (m) => (m[1] ?? m[2]) as string,
      ),
    ];
    const known = [...new Set(codes)].sort();
    expect(known).toContain('forbidden_host');
    expect(known).toContain('no_value');
    expect(known).toContain('not_a_web_address');
    expect(Object.keys(ISSUE_WORDING.ru).sort()).toEqual(known);
    expect(Object.keys(ISSUE_WORDING.en).sort()).toEqual(known);
  });

  it('a code this office does not know yet shows the server’s message; anything else reads as the generic line', () => {
    expect(refusalText(new ApiRequestError(409, 'newer_code', 'as sent'), 'ru')).toBe('as sent');
    expect(refusalText(new ApiRequestError(409, 'constructor', 'as sent'), 'ru')).toBe('as sent');
    expect(refusalText(new TypeError('x is undefined'), 'en')).toBe(errorTexts.en.generic);
    // An answer that is not the API's JSON (a proxy's 502) is worded too, not shown as its status text.
    expect(refusalText(new ApiRequestError(502, 'http_error', 'Bad Gateway'), 'ru')).toBe(
      'Сервер ответил ошибкой. Попробуйте позже.',
    );
  });

  it('a refusal said on the agency’s screens names the agency, not «этот бренд» (found on the agency team screen)', () => {
    const refused = new ApiRequestError(403, 'forbidden', 'No team rights for this brand');
    expect(refusalText(refused, 'ru', 'agency')).toBe('У вас нет прав на это в агентстве.');
    expect(refusalText(refused, 'en', 'agency')).toBe('You have no rights for this in the agency.');
    // A brand's screen keeps the brand's words, and a code the agency does not word its own way reads as anywhere.
    expect(refusalText(refused, 'ru')).toBe('У вас нет прав на это в этом бренде.');
    const role = new ApiRequestError(403, 'role_not_allowed', 'x');
    expect(refusalText(role, 'en', 'agency')).toBe(refusalText(role, 'en'));
    // Every place's code is one the office words anyway, in both languages.
    for (const words of Object.values(PLACE_WORDING)) {
      expect(Object.keys(words.en).sort()).toEqual(Object.keys(words.ru).sort());
      for (const code of Object.keys(words.ru)) expect(REFUSAL_WORDING.ru[code]).toBeDefined();
    }
  });
});
