/**
 * @module The titles of the tasks a campaign's `task:<key>` stages name, for stageLabel (stage-words.ts): every office
 * place that shows a stage (the funnel chart and its CSV, the mailing pickers, the stats mailings table's target stage,
 * the support desk's progress, the stuck list's CSV) sends them beside the stages, so a task's stage reads
 * «Задание «Викторина о бренде»», never "Task quiz1".
 */
import { and, eq, inArray } from 'drizzle-orm';
import { type ContentLanguage, columnText } from '../campaigns/content-language.ts';
import { type Db, schema } from '../db/client.ts';

/** The task key a stage names (`task:quiz1` or `task_quiz1` → `quiz1`), as stageLabel reads it. */
export const stageTaskKey = (stage: string): string | undefined => /^task[:_](.+)$/.exec(stage)?.[1];

/**
 * The title, in `language`, of each task the `stages` name, keyed by its key. A task a revision dropped keeps its row
 * and so its title; a key no task has is left out (the stage then stays readable as the key). No task stage, no query.
 * @example await stageTaskTitles(db, 7, ['opened', 'task:quiz1'], 'ru') // { quiz1: 'Викторина о бренде' }
 */
export async function stageTaskTitles(
  db: Db,
  campaignId: number,
  stages: string | readonly string[],
  language: ContentLanguage,
): Promise<Record<string, string>> {
  const keys = [...new Set((typeof stages === 'string' ? [stages] : stages).map(stageTaskKey))].filter(
    (k): k is string => k !== undefined,
  );
  if (keys.length === 0) return {};
  const rows = await db
    .select({ key: schema.tasks.key, title: schema.tasks.title, translations: schema.tasks.translations })
    .from(schema.tasks)
    .where(and(eq(schema.tasks.campaignId, campaignId), inArray(schema.tasks.key, keys)));
  return Object.fromEntries(rows.map((t) => [t.key, columnText(t, 'title', language)]));
}
