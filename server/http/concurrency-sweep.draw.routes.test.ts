/**
 * The draw run sent 2 and 8 times at once through the real app (`createApp`), as a double click or two members at
 * their moment: one draw with one set of picks and one audit row; every answer shows that draw, or a loser hears a
 * refusal with a code.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { createDrawWorld, type DrawWorld } from '../promo/draw/testing/draw-world.ts';
import { type Answer, burstProblems } from './testing/burst.ts';

let w: DrawWorld;
afterEach(async () => w?.close());

describe.each([2, 8])('the draw run %i times at once', (n) => {
  it('one draw, one set of picks, one audit row', async () => {
    w = await createDrawWorld({ winners: 2, reserves: 1 });
    for (let i = 1; i <= 5; i += 1) await w.entrant(100 + i);
    await w.goLive();
    w.clock.set(w.drawAt);
    const answers: Answer[] = await Promise.all(
      Array.from({ length: n }, async () => {
        const res = await w.admin('POST', `/api/admin/campaigns/${w.campaignId}/draw`);
        return { status: res.status, body: await res.json() };
      }),
    );
    const picks = (a: Answer) => (a.body as { picks?: unknown }).picks;
    expect(burstProblems(answers, { refusals: ['already_drawn'], sameAnswer: picks })).toEqual([]);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const rows = await w.deps.db.select().from(schema.drawPicks);
    expect(rows).toHaveLength(3);
    const audited = await w.deps.db.select().from(schema.officeAudit).where(eq(schema.officeAudit.action, 'draw.run'));
    expect(audited).toHaveLength(1);
  });
});
