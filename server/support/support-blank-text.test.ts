/**
 * Support text with nothing visible in it — only zero-width spaces (U+200B–U+200D, U+2060, U+FEFF), control
 * characters, soft hyphens, fillers — passed `.trim().min(1)` and made an empty-looking ticket, message or answer.
 * Every support text a participant or an agent writes is now a 422 naming the field, `code: 'blank_text'`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { hasVisibleText } from '../http/visible-text.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';

let w: PromoWorld;
afterEach(() => w?.close());

const AGENT = 501;
const BLANKS = [
  '\u200b\u200c\u200d',
  '\u2060\ufeff',
  '\u0007\u0001\u007f',
  ' \u00ad\u3164\u2800 ',
  '\u200e\u202e\ufe0f',
  '\u00a0\u200b\u3000',
];

async function refusal(r: Promise<Response>) {
  const res = await r;
  const body = (await res.json()) as { error?: { issues?: Array<{ path: string; code?: string }> } };
  return { status: res.status, issues: body.error?.issues?.map((i) => ({ path: i.path, code: i.code })) };
}

describe('support text must show something', () => {
  it('the rule: visible characters, whatever invisible ones surround them', () => {
    for (const blank of BLANKS) expect(hasVisibleText(blank), JSON.stringify(blank)).toBe(false);
    for (const text of ['a', '\u200bКод', '1', '😀', '\u0301a', '?', 'ㅤ.'])
      expect(hasVisibleText(text), text).toBe(true);
  });

  it("a participant's ticket subject or message, and their reply: 422 naming the field; nothing written", async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    // One participant each: a participant's tickets are rate-limited.
    for (const [i, blank] of BLANKS.entries()) {
      const user = 100 + i;
      expect(
        await refusal(w.call('POST', '/api/support/tickets', user, { campaignId: id, subject: blank, body: 'Код?' })),
      ).toEqual({ status: 422, issues: [{ path: 'subject', code: 'blank_text' }] });
      expect(
        await refusal(w.call('POST', '/api/support/tickets', user, { campaignId: id, subject: 'Код', body: blank })),
      ).toEqual({ status: 422, issues: [{ path: 'body', code: 'blank_text' }] });
    }
    expect(await w.deps.db.select().from(schema.tickets)).toEqual([]);
    const opened = await w.call('POST', '/api/support/tickets', 7, { campaignId: id, subject: 'Код', body: 'Где?' });
    const { ticket } = (await opened.json()) as { ticket: { id: number } };
    for (const blank of BLANKS.slice(0, 3)) {
      expect(await refusal(w.call('POST', `/api/support/tickets/${ticket.id}/messages`, 7, { body: blank }))).toEqual({
        status: 422,
        issues: [{ path: 'body', code: 'blank_text' }],
      });
    }
    expect(await w.deps.db.select().from(schema.ticketMessages)).toHaveLength(1);
    // Empty stays what it was: too short, one issue.
    expect(await refusal(w.call('POST', `/api/support/tickets/${ticket.id}/messages`, 7, { body: '  ' }))).toEqual({
      status: 422,
      issues: [{ path: 'body', code: 'too_small' }],
    });
  });

  it("an agent's answer, canned answer and help article: 422 naming the field", async () => {
    w = await createPromoWorld();
    await w.write((tx) =>
      tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: String(AGENT),
        agencyId: w.agencyId,
        brandId: w.brandId,
        role: 'brand_member',
        sections: ['support'],
      }),
    );
    const id = await w.campaign();
    expect((await w.call('POST', `/api/campaigns/${id}/open`, 7, {})).status).toBe(200);
    const opened = await w.call('POST', '/api/support/tickets', 7, { campaignId: id, subject: 'Код', body: 'Где?' });
    const { ticket } = (await opened.json()) as { ticket: { id: number } };
    const base = `/api/admin/support/brands/${w.brandId}`;
    const blank = '\u200b\u2060';
    expect(
      await refusal(
        w.call('POST', `${base}/tickets/${ticket.id}/replies`, AGENT, { body: blank, clientKey: 'blank-1x' }),
      ),
    ).toEqual({ status: 422, issues: [{ path: 'body', code: 'blank_text' }] });
    expect(await refusal(w.call('POST', `${base}/canned`, AGENT, { title: blank, bodyRu: 'Да' }))).toEqual({
      status: 422,
      issues: [{ path: 'title', code: 'blank_text' }],
    });
    expect(await refusal(w.call('POST', `${base}/articles`, AGENT, { titleRu: 'Где код?', bodyRu: blank }))).toEqual({
      status: 422,
      issues: [{ path: 'bodyRu', code: 'blank_text' }],
    });
    expect(await w.deps.db.select().from(schema.ticketMessages)).toHaveLength(1);
    const answered = await w.call('POST', `${base}/tickets/${ticket.id}/replies`, AGENT, {
      body: 'Да',
      clientKey: 'answer-1',
    });
    expect(answered.status, await answered.clone().text()).toBe(201);
  });
});
