/**
 * No change without its audit row and no audit row without its change: the entry is written in the transaction of
 * the change, for every audited office route of tests/office/audit-cases.ts (generated, like the matrix).
 * - The audit insert fails after the row went in (an AFTER INSERT trigger raising): the request fails and no table
 *   changed — not the business rows, not the audit log.
 * - The change's own insert fails (a BEFORE INSERT trigger on the entity's table of a create route): no audit row.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { failInserts } from '../support/failing-inserts.ts';
import { AUDIT_CASES, type AuditCase, type Prepared } from './audit-cases.ts';
import { caseUrl, createAuditWorld } from './audit-world.ts';
import { differences, type Snapshot, snapshot } from './database-snapshot.ts';
import { type OfficeOperation, officeOperations } from './office-operations.ts';

type World = Awaited<ReturnType<typeof createAuditWorld>>;
let w: World;
let ops: OfficeOperation[];
beforeAll(async () => {
  w = await createAuditWorld();
  ops = (await officeOperations(w.app)).filter((op) => op.method !== 'GET');
}, 60_000);
afterAll(async () => w?.close());

const key = (op: OfficeOperation) => `${op.method} ${op.path}`;
const audited = () =>
  ops.flatMap((op) => {
    const c = AUDIT_CASES[key(op)];
    return c && !('noAudit' in c) ? [{ op, c }] : [];
  });

/**
 * A code upload is a job (decision 118): when its last step fails, its row stays with state `failed` — the record the
 * office reads to say the upload failed and why, not a change kept. Any other row of that table is still a change.
 */
function withoutFailedJobs(s: Snapshot): Snapshot {
  const jobs = s.get('promo_code_imports');
  if (jobs)
    s.set(
      'promo_code_imports',
      jobs.filter((job) => job.state !== 'failed'),
    );
  return s;
}

/** Prepares the case, arms the fault, sends the valid request; what changed and the status. */
async function withFault(op: OfficeOperation, c: AuditCase, table: string, timing: 'BEFORE' | 'AFTER') {
  const prepared: Prepared = (await c.prepare?.(w)) ?? {};
  const before = await snapshot(w.deps.db);
  const disarm = await failInserts(w.deps.db, table, 'injected failure', 'true', timing);
  // The app logs each injected failure as an unhandled error (server/http/errors.ts): expected here.
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const res = await w.call(op.method, caseUrl(w, op, prepared.params ?? {}), w.owner, prepared.body ?? c.body);
    return {
      status: res.status,
      changed: differences(withoutFailedJobs(before), withoutFailedJobs(await snapshot(w.deps.db))),
    };
  } finally {
    quiet.mockRestore();
    await disarm();
  }
}

describe('office audit: one transaction with the change', () => {
  it('item 2: when the audit write fails after its row went in, no route keeps its change', async () => {
    const wrong: string[] = [];
    const cases = audited();
    expect(cases.length).toBeGreaterThan(40);
    for (const { op, c } of cases) {
      const r = await withFault(op, c, 'office_audit', 'AFTER');
      if (r.status < 500) wrong.push(`${key(op)}: ${r.status} with the audit write failing`);
      if (r.changed.length > 0) wrong.push(`${key(op)} kept ${r.changed.join('; ')}`);
    }
    expect(wrong).toEqual([]);
  }, 480_000);

  it('item 2: when the change fails, no audit row is left (create routes, their entity insert failing)', async () => {
    const wrong: string[] = [];
    const creates = audited().filter(
      ({ op, c }) => op.method === 'POST' && c.table && /create|add|connect/.test(c.action),
    );
    expect(creates.length).toBeGreaterThan(8);
    for (const { op, c } of creates) {
      const r = await withFault(op, c, c.table ?? '', 'BEFORE');
      if (r.status < 500) wrong.push(`${key(op)}: ${r.status} with the ${c.table} insert failing`);
      if (r.changed.length > 0) wrong.push(`${key(op)} kept ${r.changed.join('; ')}`);
    }
    expect(wrong).toEqual([]);
  }, 240_000);
});
