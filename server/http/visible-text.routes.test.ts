/**
 * Text a person reads (server/http/text-fields.ts) over HTTP: every free-text string of every request body in the
 * OpenAPI document answers 422 `blank_text` naming the field when it holds only zero-width, control, soft-hyphen,
 * Hangul-filler or white-space characters, and takes a normal text. The rule was on support tickets only; a brand
 * member could save a campaign titled "\u200B" and participants saw an empty title and empty buttons.
 * A string that is not text to read (a key, a code, a token, an address, a stage) is named in NOT_TEXT, so a new
 * text field is checked by default.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

/** A VK user who is the agency's owner: the office gate lets them through everywhere, so validation answers. */
const OWNER = 2;

async function world() {
  w = await createPromoWorld();
  const id = await w.campaign();
  await w.agencyOwner(OWNER);
  return id;
}

/** Strings by their field name that are machine values with their own formats, not text a person reads. */
const NOT_TEXT = new Set([
  // keys, ids and codes
  'key',
  'id',
  'ref',
  'code',
  'rewardKey',
  'poolKey',
  'templateKey',
  'correct',
  'of',
  'requiredTaskKeys',
  'answers',
  'clientKey',
  'consentVersion',
  // stages, tags, segments
  'stage',
  'notStage',
  'targetStage',
  'source',
  'tag',
  'tags',
  // secrets and platform values
  'secret',
  'token',
  'okAppKey',
  'sign',
  'value',
  'type',
  'event_id',
  'v',
  // files, addresses, formats
  'content',
  'csv',
  'imageUrl',
  'logoUrl',
  'fragment',
  'timeZone',
  // diagnostics the client sends (client errors, telemetry), read by no participant
  'message',
  'stack',
  'screen',
  'url',
  'build',
]);

/** Looks empty on a phone: zero-width space / joiner, word joiner, BOM, soft hyphen, Hangul filler, Braille blank. */
const BLANKS = ['\u200B\u200B\u200B', ' \u2060\uFEFF\u200D ', '\u00AD\u3164\u2800'];
const NORMAL = 'Приз дня';

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
type Operation = { parameters?: { in: string; name: string; required?: boolean }[]; requestBody?: unknown };

/** The free-text string fields of a body schema, as paths of property names (`[]` for an array's item). */
function textFields(doc: { components: { schemas: Record<string, Schema> } }, root: Schema): string[][] {
  const found: string[][] = [];
  const walk = (s: Schema | undefined, path: string[], seen: string[]) => {
    const ref = s?.$ref?.split('/').pop();
    if (ref && seen.includes(ref)) return;
    const node = ref ? doc.components.schemas[ref] : s;
    if (!node) return;
    const next = ref ? [...seen, ref] : seen;
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])])
      walk(branch, path, next);
    for (const [name, inner] of Object.entries(node.properties ?? {})) walk(inner, [...path, name], next);
    if (node.items) walk(node.items, [...path, '[]'], next);
    const name = path.filter((p) => p !== '[]').at(-1) ?? '';
    if (node.type === 'string' && !node.enum && !node.format && !node.pattern && !NOT_TEXT.has(name)) {
      found.push(path);
    }
  };
  walk(root, [], []);
  return found;
}

/** A body holding only `value` at `path` (every other field missing: the 422 names them all, each on its own). */
function bodyWith(path: string[], value: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (head === '[]') return [bodyWith(rest, value)];
  return { [head]: bodyWith(rest, value) };
}

const issuesOf = async (res: Response) => {
  if (res.status !== 422) return [];
  const { error } = (await res.json()) as { error: { issues?: { path: string; code?: string }[] } };
  return error.issues ?? [];
};

describe('text a person reads is refused when it shows nothing', () => {
  it('every free-text field of every request body answers 422 blank_text naming it, and takes a normal text', async () => {
    const id = await world();
    const doc = (await (await w.app.request('/api/openapi.json')).json()) as {
      components: { schemas: Record<string, Schema> };
      paths: Record<string, Record<string, Operation>>;
    };
    const known: Record<string, number> = { id, brandId: w.brandId, agencyId: w.agencyId };
    const checked: string[] = [];
    const wrong: unknown[] = [];
    // Participants' routes count sends per person (support tickets: 429 before the body is read): one caller a call.
    let participant = 1000;
    const caller = (template: string) => (template.startsWith('/api/admin/') ? OWNER : participant++);
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const body = (operation.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content?.[
          'application/json'
        ]?.schema;
        if (!body) continue;
        const url = template.replace(/\{(\w+)\}/g, (_, name: string) => String(known[name] ?? 1));
        const query = (operation.parameters ?? [])
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => `${p.name}=${known[p.name] ?? 1}`)
          .join('&');
        const target = query ? `${url}?${query}` : url;
        for (const path of textFields(doc, body)) {
          // The issue's path: array items are the first (and only) one.
          const field = path.map((p) => (p === '[]' ? '0' : p)).join('.');
          for (const text of BLANKS) {
            const res = await w.call(method.toUpperCase(), target, caller(template), bodyWith(path, text));
            const issues = await issuesOf(res);
            if (!issues.some((i) => i.path === field && i.code === 'blank_text'))
              wrong.push({ route: `${method} ${template}`, field, text, status: res.status, issues });
          }
          const res = await w.call(method.toUpperCase(), target, caller(template), bodyWith(path, NORMAL));
          const issues = await issuesOf(res);
          if (issues.some((i) => i.path === field))
            wrong.push({ route: `${method} ${template}`, field, text: NORMAL, status: res.status, issues });
          checked.push(`${method} ${template} ${field}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The sweep reached the fields this defect was found on and one of each family.
    for (const field of [
      'put /api/admin/campaigns/{id} title.ru',
      'put /api/admin/campaigns/{id} title.en',
      'put /api/admin/campaigns/{id} tasks.0.title.ru',
      'put /api/admin/campaigns/{id} rewards.0.howToUse.en',
      'put /api/admin/campaigns/{id} settings.quiz.questions.0.text',
      'put /api/admin/campaigns/{id} settings.quiz.questions.0.options.0.text.ru',
      'put /api/admin/campaigns/{id} settings.quiz.bands.0.title',
      'put /api/admin/campaigns/{id} settings.wheel.loseLabel.en',
      'put /api/admin/campaigns/{id} settings.draw.prize',
      'put /api/admin/campaigns/{id} settings.faq.0.a.ru',
      'put /api/admin/campaigns/{id} pools.0.name',
      'post /api/admin/campaigns/{id}/preview title.ru',
      'post /api/admin/campaigns/{id}/pools name',
      'post /api/admin/campaigns/{id}/draw/exclusions reason',
      'post /api/admin/mailing/campaigns/{id}/rules variants.0.text',
      'post /api/admin/mailing/campaigns/{id}/rules variants.0.texts.en',
      'post /api/admin/mailing/campaigns/{id}/broadcasts text',
      'post /api/admin/mailing/campaigns/{id}/broadcasts name',
      'post /api/admin/agency/brands name',
      'patch /api/admin/agency/settings name',
      'post /api/admin/agency/brands/{brandId}/communities name',
      'post /api/admin/support/brands/{brandId}/canned title',
      'post /api/support/tickets subject',
      'post /api/campaigns/{id}/calculator/lead name',
    ]) {
      expect(checked).toContain(field);
    }
  });

  it('texts inside the JSON the document shows only as an object: task settings and the calculator', async () => {
    const id = await world();
    const read = async (res: Response) => ({ status: res.status, body: await res.json() });
    const { document } = (await read(await w.call('GET', `/api/admin/campaigns/${id}`, OWNER))).body;
    const question = (text: unknown) => ({
      id: 'q1',
      text,
      options: [
        { id: 'a', text: 'Да' },
        { id: 'b', text: { ru: 'Нет', en: '\u200B' } },
      ],
      correct: ['a'],
    });
    const task = (key: string, kind: string, config: unknown) => ({
      key,
      kind,
      title: { ru: 'Задание', en: 'Task' },
      description: { ru: '', en: '' },
      config,
      attemptsGranted: 0,
      position: 90,
    });
    const save = (tasks: unknown[]) =>
      w.call('PUT', `/api/admin/campaigns/${id}`, OWNER, { ...document, tasks: [...document.tasks, ...tasks] });
    const n = document.tasks.length;
    const refused = await read(
      await save([
        task('quiz-blank', 'quiz', { questions: [question('\u2060\u00AD')], passScore: 1 }),
        task('story-blank', 'share_story', {
          imageUrl: 'https://example.com/a.png',
          link: 'https://example.com',
          linkText: '\u3164',
        }),
      ]),
    );
    expect(refused.status).toBe(422);
    const blank = (refused.body.error.issues as { path: string; code?: string }[])
      .filter((i) => i.code === 'blank_text')
      .map((i) => i.path);
    expect(blank).toEqual([
      `tasks.${n}.config.questions.0.text`,
      `tasks.${n}.config.questions.0.options.1.text.en`,
      `tasks.${n + 1}.config.linkText`,
    ]);
    // The same tasks with words in them save; an empty button text is the default one.
    const ok = (text: unknown) => ({
      ...question(text),
      options: [
        { id: 'a', text: 'Да' },
        { id: 'b', text: 'Нет' },
      ],
    });
    const story = { imageUrl: 'https://example.com/a.png', link: 'https://example.com', linkText: '' };
    const saved = await save([
      task('quiz-ok', 'quiz', { questions: [ok('Вопрос?')], passScore: 1 }),
      task('story-ok', 'share_story', story),
    ]);
    expect(saved.status).toBe(200);

    const calculator = (label: unknown, resultText: unknown) => ({
      inputs: [{ name: 'a', kind: 'number', label, min: 0, max: 10 }],
      formula: 'a * 2',
      resultText,
      lead: { policyUrl: 'https://example.com/policy', consentText: 'Согласен', consentVersion: '1' },
    });
    const preview = (config: unknown) =>
      w.call('POST', `/api/admin/campaigns/${id}/calculator/preview`, OWNER, { config, inputs: { a: 1 } });
    const wrong = await read(await preview(calculator('\u200B', { ru: '\u2800', en: 'Result: {result}' })));
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.issues).toEqual([
      expect.objectContaining({ path: 'inputs.0.label', code: 'blank_text' }),
      expect.objectContaining({ path: 'resultText.ru', code: 'blank_text' }),
    ]);
    expect((await preview(calculator('Площадь', 'Итого: {result}'))).status).toBe(200);
  });
});
