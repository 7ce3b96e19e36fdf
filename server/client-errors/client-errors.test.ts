/** The unauthenticated client-error report: bounded body, rate per address and identity, and a log that cannot grow. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closedAfterTest } from '../../tests/support/world-per-test.ts';
import { RATE_LIMITS } from '../http/rate-limit.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';
import { ClientErrorLog } from './client-error-log.ts';

let w: PromoWorld;
afterEach(() => {
  vi.restoreAllMocks();
});

/** A report as the mini app sends it, from a network address (as @hono/node-server passes the socket). */
function report(body: unknown, address: string, auth?: string) {
  return w.app.request(
    '/api/client-errors',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );
}

function captureLog(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, 'warn').mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  return lines;
}

describe('client error reports', () => {
  it('item 7: a body over 16 KB is refused with 413 before it is parsed or logged', async () => {
    w = closedAfterTest(await createPromoWorld());
    const lines = captureLog();
    const res = await report(JSON.stringify({ message: 'x', stack: 'y'.repeat(20_000) }), '10.0.0.1');
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    expect(lines).toEqual([]);
  });

  it('item 7: reports are limited per address and per verified identity, with 429 and Retry-After', async () => {
    w = closedAfterTest(await createPromoWorld());
    captureLog();
    const fromOne: number[] = [];
    for (let i = 0; i < 30; i++) fromOne.push((await report({ message: `e${i}` }, '10.0.0.1')).status);
    expect(fromOne.filter((s) => s === 202)).toHaveLength(RATE_LIMITS.client_error_address.limit);
    const refused = await report({ message: 'again' }, '10.0.0.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBeTruthy();
    expect((await report({ message: 'other' }, '10.0.0.2')).status).toBe(202);
    // One user from many addresses is still one user.
    const asUser: number[] = [];
    for (let i = 0; i < 20; i++) asUser.push((await report({ message: `u${i}` }, `10.1.0.${i}`, w.vkAuth(7))).status);
    expect(asUser.filter((s) => s === 202)).toHaveLength(RATE_LIMITS.client_error_user.limit);
    expect(asUser.filter((s) => s === 429)).toHaveLength(20 - RATE_LIMITS.client_error_user.limit);
  });

  it('item 7: 300 large distinct reports from 300 addresses write at most 32 KB a minute; repeats are counted', async () => {
    w = closedAfterTest(await createPromoWorld());
    const lines = captureLog();
    for (let i = 0; i < 300; i++) {
      const res = await report({ message: `boom ${i}`, stack: 's'.repeat(7_000) }, `10.2.${i >> 8}.${i & 255}`);
      expect(res.status).toBe(202);
    }
    const bytes = lines.reduce((n, l) => n + l.length, 0);
    expect(bytes).toBeLessThanOrEqual(32 * 1024);
    expect(lines.length).toBeGreaterThan(5);
    // The next minute starts with a summary of what was left out, and a fresh budget.
    w.clock.advance(60_000);
    await report({ message: 'later' }, '10.3.0.1');
    const summary = lines.map((l) => JSON.parse(l)).find((l) => l.kind === 'client_error_summary');
    expect(summary.overBudget).toBe(300 - (lines.length - 2));
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ kind: 'client_error', message: 'later' });
  });

  it('item 7: the same error is written once a minute (sampled by message and screen), the rest counted', async () => {
    const lines: string[] = [];
    const log = new ClientErrorLog({ write: (l) => lines.push(l) });
    const same = { message: 'TypeError: x is undefined', screen: 'home' };
    expect(log.record(same, undefined, 0)).toBe('logged');
    for (let i = 0; i < 99; i++) expect(log.record(same, `vk:${i}`, 1_000)).toBe('duplicate');
    expect(log.record({ ...same, screen: 'quiz' }, undefined, 2_000)).toBe('logged');
    expect(log.record(same, undefined, 61_000)).toBe('logged');
    expect(lines.map((l) => JSON.parse(l).kind)).toEqual([
      'client_error',
      'client_error',
      'client_error_summary',
      'client_error',
    ]);
    expect(JSON.parse(lines[2] as string)).toMatchObject({ duplicates: 99, overBudget: 0 });
  });
});
