/**
 * @module Which knowledge-base articles deflect tickets. For each article of the brand:
 * - `views`: participants who opened it (one per person, `kb_feedback` rows);
 * - `helped` / `notHelped`: their latest "did this help?" answer;
 * - `deflected`: participants whose latest answer is "helped" and who opened no ticket of this brand (mini app or
 *   community message, any campaign) from that answer until `DEFLECTION_WINDOW_MS` (24 h) after it;
 * - `pending`: "helped" answers whose 24-hour window has not ended yet (counted neither way);
 * - `deflectionRate` = deflected / views (0 without views).
 * Ranked by `deflected`, then `deflectionRate`, then the office's own order.
 */
import { and, gte, inArray } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { ofBrand } from './brand-tickets.ts';
import { listArticles } from './knowledge-base.ts';

export const DEFLECTION_WINDOW_MS = 24 * 3_600_000;

export interface ArticleDeflection {
  articleId: number;
  title: string;
  published: boolean;
  views: number;
  helped: number;
  notHelped: number;
  deflected: number;
  pending: number;
  deflectionRate: number;
}

export async function deflectionRanking(db: Db, brandId: number, now: number): Promise<ArticleDeflection[]> {
  const articles = await listArticles(db, brandId);
  if (articles.length === 0) return [];
  const feedback = await db
    .select()
    .from(schema.kbFeedback)
    .where(
      inArray(
        schema.kbFeedback.articleId,
        articles.map((a) => a.id),
      ),
    );
  const answered = feedback.filter((f) => f.helped === true && f.answeredAt != null);
  const since = Math.min(...answered.map((f) => f.answeredAt as number), now);
  const tickets = answered.length
    ? await db
        .select({
          platform: schema.tickets.platform,
          userId: schema.tickets.platformUserId,
          createdAt: schema.tickets.createdAt,
        })
        .from(schema.tickets)
        .where(and(ofBrand(db, brandId), gte(schema.tickets.createdAt, since)))
    : [];
  const ticketTimes = new Map<string, number[]>();
  for (const t of tickets) {
    const key = `${t.platform}:${t.userId}`;
    ticketTimes.set(key, [...(ticketTimes.get(key) ?? []), t.createdAt]);
  }
  const rows = articles.map((a, order) => {
    const mine = feedback.filter((f) => f.articleId === a.id);
    let deflected = 0;
    let pending = 0;
    for (const f of mine) {
      if (f.helped !== true || f.answeredAt == null) continue;
      const from = f.answeredAt;
      const until = from + DEFLECTION_WINDOW_MS;
      const wrote = (ticketTimes.get(`${f.platform}:${f.platformUserId}`) ?? []).some((at) => at >= from && at < until);
      if (wrote) continue;
      if (until > now) pending += 1;
      else deflected += 1;
    }
    const views = mine.length;
    return {
      order,
      row: {
        articleId: a.id,
        title: a.titleRu,
        published: a.published,
        views,
        helped: mine.filter((f) => f.helped === true).length,
        notHelped: mine.filter((f) => f.helped === false).length,
        deflected,
        pending,
        deflectionRate: views === 0 ? 0 : deflected / views,
      },
    };
  });
  rows.sort(
    (x, y) => y.row.deflected - x.row.deflected || y.row.deflectionRate - x.row.deflectionRate || x.order - y.order,
  );
  return rows.map((r) => r.row);
}
