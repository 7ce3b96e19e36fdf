/**
 * Issue 17, item 4: the CRM webhook sender killed with SIGKILL mid-delivery loses nothing. Every lead's request is in
 * flight (the CRM holds them unanswered) when the sender process dies; a second sender takes the rows again once
 * their lease ends, and the CRM ends with every lead, each signed, de-duplicated by its Idempotency-Key.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import {
  type CalculatorWorld,
  createCalculatorWorld,
  OFFICE_USER,
} from '../../server/calculator/testing/calculator-world.ts';
import { schema } from '../../server/db/client.ts';
import { type CrmReceiver, startCrmReceiver } from '../fakes/crm-receiver.ts';
import { until } from './process-watch.ts';

const SECRET = 'crm-shared-secret-kill9-0123456';
const LEADS = 6;
let w: CalculatorWorld | undefined;
let crm: CrmReceiver | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null && c.pid) process.kill(-c.pid, 'SIGKILL');
  children.length = 0;
  await crm?.close();
  await w?.close();
});

function startSender(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn('node_modules/.bin/tsx', ['tests/crash/lead-webhook-sender-child.ts'], {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  children.push(child);
  return { child, output: () => out };
}

it('item 4: kill -9 of the webhook sender mid-delivery loses no lead; the CRM de-duplicates the retries by key', {
  timeout: 120_000,
}, async () => {
  crm = await startCrmReceiver(SECRET);
  w = await createCalculatorWorld({ CRM_WEBHOOK_ALLOW_LOCAL: '1' });
  const world = w;
  await world.saveCalculator();
  await world.call('PUT', `/api/admin/campaigns/${world.campaignId}/leads-webhook`, OFFICE_USER, {
    url: crm.url,
    secret: SECRET,
  });
  const keys: string[] = [];
  for (let i = 0; i < LEADS; i += 1) {
    await world.join(800 + i);
    const res = await world.call('POST', `/api/campaigns/${world.campaignId}/calculator/lead`, 800 + i, {
      inputs: { area: 40 + i, price: 20, gas: true, months: 6 },
      name: `Lead ${i}`,
      phone: { value: `7911000000${i}` },
      consent: true,
      consentVersion: '2026-11-01',
    });
    keys.push(((await res.json()) as { key: string }).key);
  }
  // The CRM holds every first request open: the sender is mid-delivery for all of them.
  crm.script('*', ...Array.from({ length: LEADS }, () => 'hang' as const));
  const env = {
    ...world.databaseEnv,
    NODE_ENV: 'development',
    SEED_DEMO: '0',
    CRM_WEBHOOK_ALLOW_LOCAL: '1',
    VK_APP_ID: String(world.config.VK_APP_ID),
    VK_APP_SECRET: world.config.VK_APP_SECRET,
    OK_APP_KEY: world.config.OK_APP_KEY,
    OK_APP_SECRET: world.config.OK_APP_SECRET,
    TELEGRAM_BOT_TOKEN: world.config.TELEGRAM_BOT_TOKEN,
    SECRETS_KEY: (world.config.SECRETS_KEY as Buffer).toString('hex'),
  };
  const first = startSender(env);
  const receiver = crm;
  await until(() => receiver.calls.length >= LEADS, 60_000, 'every lead in flight', first.output);
  process.kill(-(first.child.pid as number), 'SIGKILL');
  await new Promise((r) => first.child.once('exit', r));
  expect(first.child.signalCode).toBe('SIGKILL');
  expect(receiver.accepted.size).toBe(0);
  const inFlight = await world.deps.db.select().from(schema.leadDeliveries);
  expect(inFlight.map((d) => [d.status, d.attempts])).toEqual(keys.map(() => ['pending', 1]));

  const second = startSender(env);
  const allDelivered = async () =>
    (await world.deps.db.select().from(schema.leadDeliveries)).every((d) => d.status === 'delivered');
  await until(allDelivered, 60_000, 'every lead delivered by the second sender', second.output);
  expect([...receiver.accepted.keys()].sort()).toEqual([...keys].sort());
  expect(receiver.calls.every((c) => c.validSignature)).toBe(true);
  for (const key of keys) expect(receiver.calls.filter((c) => c.key === key)).toHaveLength(2);
  const log = await world.deps.db.select().from(schema.leadDeliveryAttempts);
  // The killed attempt left no log row (it never finished); the second sender's did.
  expect(log.map((a) => [a.attempt, a.outcome])).toEqual(keys.map(() => [2, 'delivered']));
});
