/**
 * Telemetry at a steady rate against a bench target, from its own process: `users` participants (each opens the demo
 * campaign first, the real path) flush a batch every FLUSH_MS like the mini app (miniapp/telemetry.ts: a minute), so
 * the rate is users / 60 batches a second, each of `events` events. Prints `READY` once every user has joined; sends
 * while switched on (SIGUSR1 on, SIGUSR2 off), and on SIGTERM prints a JSON line of what it sent and how it was
 * answered.
 * Usage: node --import tsx telemetry-load.ts <url> <secret> <users> <events>
 */
import { FLUSH_MS } from '../../miniapp/telemetry.ts';
import { signVkLaunch } from '../../server/auth/vk-sign.ts';

const [url = '', secret = 'bench-secret', usersArg = '750', eventsArg = '5'] = process.argv.slice(2);
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`telemetry load only targets loopback, not ${url}`);
const USERS = Number(usersArg);
const EVENTS = Number(eventsArg);
const CAMPAIGN = 1;
const FIRST_USER = 700_000;

const auth = (user: number) =>
  `VK ${signVkLaunch({ vk_user_id: user, vk_app_id: 51000001, vk_ts: Math.floor(Date.now() / 1000), vk_platform: 'mobile_android' }, secret)}`;
const headers = Array.from({ length: USERS }, (_, i) => ({
  Authorization: auth(FIRST_USER + i),
  'Content-Type': 'application/json',
}));

for (const h of headers) {
  const res = await fetch(`${url}/api/campaigns/${CAMPAIGN}/open`, { method: 'POST', headers: h, body: '{}' });
  if (!res.ok) throw new Error(`open answered ${res.status}: ${await res.text()}`);
}
const body = JSON.stringify({
  campaignId: CAMPAIGN,
  build: 'bench',
  events: Array.from({ length: EVENTS }, (_, k) => ({
    kind: k === 0 ? 'heartbeat' : 'screen_view',
    ageMs: (EVENTS - k) * 2_000,
    screen: `screen-${k}`,
  })),
});
const counts = { sent: 0, accepted: 0, refused: 0, failed: 0 };
console.log('READY');
// Every user once per FLUSH_MS, spread evenly: a tick per batch (at most one every 20 ms, then several per tick). A
// tick that sends nothing still wakes this process, and its CPU is taken from the two processes being measured.
const TICK_MS = Math.max(20, Math.round(FLUSH_MS / USERS));
const perTick = (USERS * TICK_MS) / FLUSH_MS;
let due = 0;
let next = 0;
let on = false;
process.on('SIGUSR1', () => {
  on = true;
});
process.on('SIGUSR2', () => {
  on = false;
  due = 0;
});
setInterval(() => {
  if (!on) return;
  due += perTick;
  for (; due >= 1; due -= 1) {
    const h = headers[next % USERS] as Record<string, string>;
    next += 1;
    counts.sent += 1;
    fetch(`${url}/api/telemetry`, { method: 'POST', headers: h, body })
      .then(async (res) => {
        await res.arrayBuffer();
        if (res.status === 202) counts.accepted += 1;
        else counts.refused += 1;
      })
      .catch(() => {
        counts.failed += 1;
      });
  }
}, TICK_MS);
process.on('SIGTERM', () => {
  console.log(JSON.stringify(counts));
  process.exit(0);
});
