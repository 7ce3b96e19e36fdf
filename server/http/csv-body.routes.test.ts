/**
 * The JSON form of an office CSV upload, `{"csv": "…"}`, without its text: the 422 says what is missing and names
 * `csv`, instead of "Invalid json" for JSON that was valid (found from outside). The code pool's upload here; the
 * prize calendar's in server/promo/calendar/calendar.routes.test.ts. Through the real app, as the agency's owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';

const OWNER = 702;
let w: PromoWorld;
let path: string;
beforeAll(async () => {
  w = await createPromoWorld();
  await w.agencyOwner(OWNER);
  const campaign = await w.campaign();
  path = `/api/admin/campaigns/${campaign}/pools/${await w.pool(campaign, 'extra', ['A1'])}/codes`;
});
afterAll(async () => w?.close());

const upload = (body: string) =>
  w.app.request(path, {
    method: 'POST',
    headers: { Authorization: w.vkAuth(OWNER), 'Content-Type': 'application/json' },
    body,
  });

describe("a code pool upload's JSON form without its csv", () => {
  it.each([
    ['{}', 'csv is missing'],
    ['{"codes": "A2\\nA3"}', 'csv is missing'],
    ['{"csv": ["A2"]}', "csv must be the file's text, a string"],
    ['{"csv": ""}', 'csv is empty'],
  ])('%s: 422 saying %s, issue at csv, nothing imported', async (body, problem) => {
    const res = await upload(body);
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; message: string; issues: { path: string }[] } };
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(`Send the codes as JSON {"csv": "<the file's text>"}: ${problem}`);
    expect(error.issues.map((i) => i.path)).toEqual(['csv']);
    expect(await w.deps.db.select().from(schema.poolCodes)).toHaveLength(1);
  });
});
