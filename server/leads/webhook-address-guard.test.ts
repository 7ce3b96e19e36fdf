import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type CalculatorWorld, createCalculatorWorld, OFFICE_USER } from '../calculator/testing/calculator-world.ts';
import { loadConfig } from '../config.ts';
import { schema } from '../db/client.ts';
import { forbiddenAddressClass, type Resolve, webhookUrlProblem } from './webhook-address-guard.ts';
import type { DeliveryPolicy } from './webhook-delivery.ts';
import { deliverDue } from './webhook-sender.ts';

const SECRET = 'crm-shared-secret-0123456789';
const POLICY: DeliveryPolicy = {
  leaseMs: 20_000,
  timeoutMs: 3_000,
  maxAttempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 4_000,
  batch: 20,
};
let w: CalculatorWorld | undefined;
let trap: Server | undefined;
afterEach(async () => {
  await new Promise((r) => (trap ? trap.close(r) : r(undefined)));
  trap = undefined;
  await w?.close();
  w = undefined;
});

const saveHook = (world: CalculatorWorld, url: string) =>
  world.call('PUT', `/api/admin/campaigns/${world.campaignId}/leads-webhook`, OFFICE_USER, { url, secret: SECRET });

/** A world without the allow-local flag, the calculator saved and one lead waiting for `url`. */
async function leadWaitingFor(url: string): Promise<CalculatorWorld> {
  const world = await createCalculatorWorld();
  w = world;
  await world.saveCalculator();
  expect((await saveHook(world, 'https://crm.example/hooks/leads')).status).toBe(200);
  // A URL the office may no longer save (saved before the guard, or a name that rebinds) is set underneath.
  await world.write(async (tx) => {
    await tx.update(schema.calculators).set({ webhookUrl: url });
  });
  await world.join(701);
  const res = await world.call('POST', `/api/campaigns/${world.campaignId}/calculator/lead`, 701, {
    inputs: { area: 50, price: 20, gas: false, months: 12 },
    name: 'Lead',
    email: { value: 'lead@example.com' },
    consent: true,
    consentVersion: '2026-11-01',
  });
  expect(res.status).toBe(200);
  return world;
}

/** A TCP listener on 127.0.0.1 that counts connections: the guard must refuse before one is made. */
async function connectionTrap(): Promise<{ port: number; connections: () => number }> {
  let n = 0;
  trap = createServer((s) => {
    n += 1;
    s.destroy();
  });
  await new Promise<void>((r) => trap?.listen(0, '127.0.0.1', r));
  const address = trap.address();
  return { port: typeof address === 'object' && address ? address.port : 0, connections: () => n };
}

describe('CRM webhook SSRF guard', () => {
  it('item 1: every refused address class is named, public addresses pass', () => {
    expect(forbiddenAddressClass('127.0.0.1')).toBe('loopback');
    expect(forbiddenAddressClass('::1')).toBe('loopback');
    expect(forbiddenAddressClass('10.20.30.40')).toBe('private');
    expect(forbiddenAddressClass('172.16.5.4')).toBe('private');
    expect(forbiddenAddressClass('192.168.1.1')).toBe('private');
    expect(forbiddenAddressClass('169.254.169.254')).toBe('metadata');
    expect(forbiddenAddressClass('169.254.10.1')).toBe('link-local');
    expect(forbiddenAddressClass('fe80::1')).toBe('link-local');
    expect(forbiddenAddressClass('fd12::1')).toBe('unique-local');
    expect(forbiddenAddressClass('224.0.0.251')).toBe('multicast');
    expect(forbiddenAddressClass('ff02::1')).toBe('multicast');
    expect(forbiddenAddressClass('0.0.0.0')).toBe('unspecified');
    expect(forbiddenAddressClass('::ffff:127.0.0.1')).toBe('loopback');
    expect(forbiddenAddressClass('::ffff:7f00:1')).toBe('loopback');
    expect(forbiddenAddressClass('::ffff:10.0.0.1')).toBe('private');
    expect(forbiddenAddressClass('::7f00:1')).toBe('reserved');
    expect(forbiddenAddressClass('2002:7f00:1::')).toBe('reserved');
    expect(forbiddenAddressClass('2001:0:4136:e378:8000:63bf:3fff:fdd2')).toBe('reserved');
    expect(forbiddenAddressClass('93.184.216.34')).toBeUndefined();
    expect(forbiddenAddressClass('2a00:1450:4010:c05::64')).toBeUndefined();
  });

  it('item 1: saving a literal bad host or a non-https URL is a 422 naming the reason; a public https URL saves', async () => {
    const world = await createCalculatorWorld();
    w = world;
    await world.saveCalculator();
    const refused: [string, RegExp][] = [
      ['http://crm.example/hooks', /https/],
      ['https://127.0.0.1/hooks', /loopback/],
      ['https://[::1]:8443/hooks', /loopback/],
      ['https://10.0.0.7/hooks', /private/],
      ['https://169.254.169.254/latest/meta-data/', /metadata/],
      ['https://[::ffff:127.0.0.1]/hooks', /loopback/],
      ['https://localhost/hooks', /loopback/],
      ['https://user:pw@crm.example/hooks', /credentials/],
    ];
    for (const [url, reason] of refused) {
      const res = await saveHook(world, url);
      expect(res.status, url).toBe(422);
      const body = (await res.json()) as { error: { code: string; message: string } } & Record<string, unknown>;
      expect(JSON.stringify(body), url).toMatch(reason);
    }
    // The reason also comes as a stable code with its params, which the office words in the member's language.
    const body = (await (await saveHook(world, 'https://10.0.0.7/hooks')).json()) as { error: { issues: unknown[] } };
    expect(body.error.issues).toEqual([
      {
        path: 'url',
        message: 'host 10.0.0.7 is a private address',
        code: 'forbidden_host',
        params: { host: '10.0.0.7', addressClass: 'private' },
      },
    ]);
    const [row] = await world.deps.db.select().from(schema.calculators);
    expect(row?.webhookUrl).toBeNull();
    expect((await saveHook(world, 'https://crm.example/hooks/leads')).status).toBe(200);
  });

  it('item 1: the sender refuses at connect time a name that resolves to loopback (DNS rebinding), logged, no connection', async () => {
    const target = await connectionTrap();
    const world = await leadWaitingFor(`https://crm.example:${target.port}/hooks`);
    const rebinding: Resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    expect(await deliverDue({ ...world.deps, resolve: rebinding }, POLICY)).toEqual({
      delivered: 0,
      retried: 1,
      failed: 0,
    });
    const [attempt] = await world.deps.db.select().from(schema.leadDeliveryAttempts);
    expect(attempt).toMatchObject({ outcome: 'refused_address', httpStatus: null });
    expect(attempt?.error).toMatch(/crm\.example resolves to 127\.0\.0\.1, a loopback address/);
    expect(target.connections()).toBe(0);
    // One bad address among good ones is enough to refuse (the connection could pick it).
    world.clock.advance(POLICY.baseDelayMs);
    const mixed: Resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '::1', family: 6 },
    ];
    await deliverDue({ ...world.deps, resolve: mixed }, POLICY);
    const log = await world.deps.db.select().from(schema.leadDeliveryAttempts);
    expect(log[1]?.error).toMatch(/::1, a loopback address/);
    expect(target.connections()).toBe(0);
  });

  it('item 1: a stored literal private or mapped-loopback URL is refused at send time with the reason', async () => {
    const target = await connectionTrap();
    const world = await leadWaitingFor(`https://[::ffff:127.0.0.1]:${target.port}/hooks`);
    await deliverDue(world.deps, POLICY);
    const [attempt] = await world.deps.db.select().from(schema.leadDeliveryAttempts);
    expect(attempt).toMatchObject({ outcome: 'refused_address' });
    expect(attempt?.error).toMatch(/loopback/);
    expect(target.connections()).toBe(0);
    const [delivery] = await world.deps.db.select().from(schema.leadDeliveries);
    expect(delivery?.lastError).toMatch(/loopback/);
  });

  it('item 1: the allow-local flag admits http and loopback for tests, and production refuses the flag', () => {
    expect(webhookUrlProblem('http://127.0.0.1:4000/hooks', true)).toBeUndefined();
    expect(webhookUrlProblem('http://127.0.0.1:4000/hooks', false)?.code).toBe('not_https');
    expect(webhookUrlProblem('ftp://crm.example/', true)?.code).toBe('not_https');
    expect(() =>
      loadConfig({ NODE_ENV: 'production', VK_APP_ID: '1', VK_APP_SECRET: 's', CRM_WEBHOOK_ALLOW_LOCAL: '1' }),
    ).toThrow(/CRM_WEBHOOK_ALLOW_LOCAL/);
  });
});
