/**
 * An audit log is a record of changes: an office edit that changes nothing (a PATCH or PUT sent again with what it
 * has just set, naming the copy the first left) answers 2xx with the current state, the first answer word for word
 * (no copy's time moved: decision 098), and writes no audit row; eight same-value switches sent at once write one row
 * at most. Generated from the audit matrix's cases (audit-cases.ts), so a new edit route is checked too.
 */

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { AUDIT_CASES, type Prepared, rule } from './audit-cases.ts';
import { caseUrl, createAuditWorld } from './audit-world.ts';
import { type OfficeOperation, officeOperations } from './office-operations.ts';

type World = Awaited<ReturnType<typeof createAuditWorld>>;
let w: World;
let edits: OfficeOperation[];
beforeAll(async () => {
  w = await createAuditWorld();
  edits = (await officeOperations(w.app)).filter((op) => op.method === 'PATCH' || op.method === 'PUT');
}, 60_000);
afterAll(async () => w?.close());

const MANAGER_BRANDS = '/api/admin/team/members/{id}/brands';
/**
 * The body naming the copy the first answer describes: its `savedAt` or `updatedAt`; for a community's or an app's
 * edit, which answers its brand, that item's; for the campaign editor, the answered document's `editVersion`.
 */
function sameEditAgain(body: unknown, firstAnswer: string, url: string): unknown {
  if (!body || typeof body !== 'object' || !firstAnswer.startsWith('{')) return body;
  const answer = JSON.parse(firstAnswer) as Record<string, unknown>;
  if ('editVersion' in body) {
    const document = answer.document as { editVersion?: number } | undefined;
    return document?.editVersion === undefined ? body : { ...body, editVersion: document.editVersion };
  }
  if (!('savedAt' in body)) return body;
  const item = /\/(communities|apps)\/(\d+)$/.exec(url);
  const items = item ? (answer[item[1] as string] as Record<string, unknown>[] | undefined) : undefined;
  const described = item ? items?.find((x) => x.id === Number(item[2])) : answer;
  const copy = described?.savedAt ?? described?.updatedAt;
  return copy === undefined ? body : { ...body, savedAt: copy };
}

const auditCount = async () => (await w.deps.db.select().from(schema.officeAudit)).length;

describe('an office edit that changes nothing writes no audit row', () => {
  it('every PATCH and PUT sent twice (naming the copy the first left): the second answers 2xx, as the first did, and writes no audit row', async () => {
    expect(edits.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const op of edits) {
      const c = AUDIT_CASES[`${op.method} ${op.path}`];
      // Its change swaps the person's rows, so the id it was sent to is gone: its own case is below.
      if (!c || 'noAudit' in c || op.path === MANAGER_BRANDS) continue;
      const prepared: Prepared = (await c.prepare?.(w)) ?? {};
      const url = caseUrl(w, op, prepared.params ?? {});
      const body = prepared.body ?? c.body;
      const first = await w.call(op.method, url, w.owner, body);
      if (first.status >= 300) {
        wrong.push(`${op.method} ${op.path}: first ${first.status}`);
        continue;
      }
      const firstBody = await first.text();
      const rows = await auditCount();
      // An edit names the copy it was made on: the same edit again names the copy the first one left (decision 098).
      const next = sameEditAgain(body, firstBody, url);
      const again = await w.call(op.method, url, w.owner, next);
      const added = (await auditCount()) - rows;
      if (again.status >= 300) wrong.push(`${op.method} ${op.path}: again ${again.status}`);
      // The same state: a moved `savedAt` / `updatedAt` would make a colleague's open copy a conflict for nothing.
      else if ((await again.text()) !== firstBody) wrong.push(`${op.method} ${op.path}: answered otherwise again`);
      if (added !== 0) wrong.push(`${op.method} ${op.path}: the same request again wrote ${added} audit row(s)`);
    }
    expect(wrong).toEqual([]);
  }, 240_000);

  it("an agency manager's brands set to the brands they cover: same rows, no audit row", async () => {
    const body = { brandId: null, agencyId: w.agencyId, vkUserId: 70_190, role: 'agency_manager', sections: [] };
    expect((await w.call('POST', '/api/admin/team/members', w.owner, body)).status).toBe(201);
    const rowsOf = () =>
      w.deps.db.select().from(schema.memberships).where(eq(schema.memberships.platformUserId, '70190'));
    const [agencyWide] = await rowsOf();
    const narrow = await w.call('PUT', `/api/admin/team/members/${agencyWide?.id}/brands`, w.owner, {
      brandIds: [w.brandId],
    });
    expect(narrow.status).toBe(200);
    const rows = await rowsOf();
    const audit = await auditCount();
    const again = await w.call('PUT', `/api/admin/team/members/${rows[0]?.id}/brands`, w.owner, {
      brandIds: [w.brandId],
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await narrow.json());
    expect(await rowsOf()).toEqual(rows);
    expect((await auditCount()) - audit).toBe(0);
  });

  it("eight requests at once switching a funnel rule's `active` to false: one audit row, all answer it off", async () => {
    const { id, ruleId } = await rule(w);
    const url = `/api/admin/mailing/campaigns/${id}/rules/${ruleId}`;
    const rows = await auditCount();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => w.call('PATCH', url, w.owner, { active: false })),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    for (const r of answers) expect(((await r.json()) as { active: boolean }).active).toBe(false);
    expect((await auditCount()) - rows).toBe(1);
  });
});
