/** @module The demo campaigns' help questions (`settings.faq`, see server/support/faq.ts), in Russian and English. */
import { eq } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import type { Tx } from '../db/transactions.ts';
import type { CampaignFaq } from '../support/faq.ts';

export const DEMO_FAQ: CampaignFaq = [
  {
    q: { ru: 'Как получить приз?', en: 'How do I get a prize?' },
    a: {
      ru: 'Выполните условия акции: задания, викторину или вращение колеса. Приз появится в разделе «Мои призы».',
      en: 'Meet the campaign conditions: tasks, the quiz or a spin of the wheel. The prize appears under "My prizes".',
    },
  },
  {
    q: { ru: 'Где мой промокод?', en: 'Where is my promo code?' },
    a: {
      ru: 'Все полученные коды хранятся в разделе «Мои призы». Откройте приз, чтобы скопировать код.',
      en: 'Every code you received is kept under "My prizes". Open the prize to copy its code.',
    },
  },
  {
    q: { ru: 'Задание не засчиталось', en: 'A task was not counted' },
    a: {
      ru: 'Нажмите «Проверить» ещё раз через минуту. Если не помогло, напишите нам — мы разберёмся.',
      en: 'Tap "Check" again in a minute. If that does not help, write to us and we will look into it.',
    },
  },
];

/** Gives each demo campaign the demo FAQ, keeping its other settings. */
export async function seedDemoFaq(tx: Tx, campaignIds: number[]): Promise<void> {
  for (const id of campaignIds) {
    const [c] = await tx
      .select({ settings: schema.campaigns.settings })
      .from(schema.campaigns)
      .where(eq(schema.campaigns.id, id))
      .limit(1);
    if (!c) continue;
    await tx
      .update(schema.campaigns)
      .set({ settings: { ...c.settings, faq: DEMO_FAQ } })
      .where(eq(schema.campaigns.id, id));
  }
}
