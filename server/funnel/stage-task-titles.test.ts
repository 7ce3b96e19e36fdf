/**
 * Every office answer that lists a campaign's funnel stages carries the titles of the tasks its `task:<key>` stages
 * name, in the member's language, so the office's screens word them as the stuck list's CSV does (stage-words.ts).
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessagingWorld, grantBrandAdmin, type MessagingWorld } from '../../tests/bot/messaging-world.ts';
import { createApp } from '../app.ts';
import { schema } from '../db/client.ts';
import { excelCsv, excelRows } from '../http/testing/excel-csv.ts';
import { byKey } from '../stats/testing/worded-csv.ts';
import { stageTaskKey, stageTaskTitles } from './stage-task-titles.ts';

const ADMIN = 900_011;
let w: MessagingWorld;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  w = await createMessagingWorld();
  app = createApp(w.deps);
  await grantBrandAdmin(w, ADMIN, ['stats', 'mailings']);
  await w.write(async (tx) => {
    await tx
      .update(schema.campaigns)
      .set({ stages: ['opened', 'task:quiz1', 'task_gone', 'reward_issued'] })
      .where(eq(schema.campaigns.id, w.campaignId));
    await tx.insert(schema.tasks).values({
      campaignId: w.campaignId,
      key: 'quiz1',
      kind: 'join_community',
      title: 'Викторина о бренде',
      translations: { en: { title: 'Brand quiz' } },
    });
  });
});
afterEach(async () => w.shutdown());

async function get<T>(path: string, language: 'ru' | 'en'): Promise<T> {
  const res = await app.request(path, { headers: { Authorization: w.vkAuth(ADMIN, { vk_language: language }) } });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

describe('task titles beside the stages', () => {
  it('the mailing options name the tasks of task stages, in the office language; a key no task has is left out', async () => {
    // Red before: the options had no taskTitles, so the pickers read "Task quiz1".
    const path = `/api/admin/mailing/campaigns/${w.campaignId}/options`;
    expect((await get<{ taskTitles: unknown }>(path, 'ru')).taskTitles).toEqual({ quiz1: 'Викторина о бренде' });
    expect((await get<{ taskTitles: unknown }>(path, 'en')).taskTitles).toEqual({ quiz1: 'Brand quiz' });
  });

  it('the stats funnel names them per campaign, in the office language', async () => {
    type Funnel = { funnels: { campaignId: number; taskTitles: unknown }[] };
    const path = `/api/admin/stats/campaigns/${w.campaignId}/funnel`;
    expect((await get<Funnel>(path, 'ru')).funnels).toEqual([
      expect.objectContaining({ campaignId: w.campaignId, taskTitles: { quiz1: 'Викторина о бренде' } }),
    ]);
    expect((await get<Funnel>(path, 'en')).funnels[0]?.taskTitles).toEqual({ quiz1: 'Brand quiz' });
  });

  it("the stats funnel's CSV words its stages as the chart does, in the export's language (before: task:quiz1)", async () => {
    // Red before: the file's stage column held the key (`task:quiz1`, `opened`) under worded headers.
    const stagesOf = async (lang: 'ru' | 'en') => {
      const res = await app.request(`/api/admin/stats/campaigns/${w.campaignId}/funnel?format=csv&lang=${lang}`, {
        headers: { Authorization: w.vkAuth(ADMIN, { vk_language: 'ru' }) },
      });
      expect(res.status).toBe(200);
      const [head, ...rows] = excelRows((await excelCsv(res, lang)).text, lang);
      return byKey(rows.map((cells) => Object.fromEntries((head ?? []).map((h, i) => [h, cells[i] ?? ''])))).map(
        (r) => r.stage,
      );
    };
    expect(await stagesOf('ru')).toEqual([
      'Открыли акцию',
      'Задание «Викторина о бренде»',
      'Task gone',
      'Получили награду',
    ]);
    expect(await stagesOf('en')).toEqual(['Opened the campaign', 'Task “Brand quiz”', 'Task gone', 'Got a reward']);
  });

  it("the stats mailings CSV words each rule's and broadcast's target stage as the funnel does (before: task:quiz1)", async () => {
    // Red before: the mailings table's target stage held the key (`task:quiz1`, `task_done`) under worded headers.
    await w.write(async (tx) => {
      await tx.insert(schema.messageRules).values({
        campaignId: w.campaignId,
        name: 'Напомнить о викторине',
        stage: 'opened',
        notStage: 'task:quiz1',
        minHours: 24,
        variants: [{ key: 'a', text: 'hi' }],
      });
      await tx.insert(schema.broadcasts).values({
        campaignId: w.campaignId,
        name: 'Новости',
        segment: { campaignId: w.campaignId },
        text: 'hi',
        targetStage: 'task_done',
        scheduledAt: w.clock.now - 3_600_000,
      });
    });
    const targetsOf = async (lang: 'ru' | 'en') => {
      const res = await app.request(`/api/admin/stats/campaigns/${w.campaignId}/mailings?format=csv&lang=${lang}`, {
        headers: { Authorization: w.vkAuth(ADMIN, { vk_language: 'ru' }) },
      });
      expect(res.status).toBe(200);
      const [head, ...rows] = excelRows((await excelCsv(res, lang)).text, lang);
      return byKey(rows.map((cells) => Object.fromEntries((head ?? []).map((h, i) => [h, cells[i] ?? ''])))).map(
        (r) => [r.table, r.name, r.target_stage],
      );
    };
    expect(await targetsOf('ru')).toEqual([
      ['rule', 'Напомнить о викторине', 'Задание «Викторина о бренде»'],
      ['broadcast', 'Новости', 'Выполнили задание'],
    ]);
    expect(await targetsOf('en')).toEqual([
      ['rule', 'Напомнить о викторине', 'Task “Brand quiz”'],
      ['broadcast', 'Новости', 'Did a task'],
    ]);
  });

  it('reads a task key from both stage spellings, and asks nothing when no stage names a task', async () => {
    expect(stageTaskKey('task:quiz1')).toBe('quiz1');
    expect(stageTaskKey('task_quiz1')).toBe('quiz1');
    expect(stageTaskKey('task_done')).toBe('done');
    expect(stageTaskKey('opened')).toBeUndefined();
    expect(await stageTaskTitles(w.deps.db, w.campaignId, ['opened', 'reward_issued'], 'ru')).toEqual({});
    expect(await stageTaskTitles(w.deps.db, w.campaignId, 'task:quiz1', 'en')).toEqual({ quiz1: 'Brand quiz' });
  });
});
