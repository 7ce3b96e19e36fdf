/**
 * @module The fake VK API as a separate process for benches, so the load (our sender) and the server it hits do not
 * share an event loop. Allows messages for a user range given on the command line, prints its URL as the first
 * line, and answers `stats` on stdin with one JSON line: delivered count, per-peer maximum, error counts and the
 * arrival time of every top-level request.
 * Usage: tsx scripts/bench/fake-vk-process.ts <groupId> <firstUserId> <count>
 */
import { createInterface } from 'node:readline';
import { startFakeVkApi } from '../../tests/fakes/vk-api.ts';

const [groupId, first, count] = process.argv.slice(2).map(Number);
const fake = await startFakeVkApi();
for (let i = 0; i < (count ?? 0); i += 1) fake.allowMessages(groupId ?? 1, (first ?? 0) + i);
console.log(fake.url);

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === 'stats') {
    const perPeer = new Map<number, number>();
    for (const d of fake.delivered) perPeer.set(d.peerId, (perPeer.get(d.peerId) ?? 0) + 1);
    const calls = fake.calls.filter((c) => !c.viaExecute);
    console.log(
      JSON.stringify({
        delivered: fake.delivered.length,
        maxPerPeer: Math.max(0, ...perPeer.values()),
        errors: fake.errorCounts(),
        requests: calls.length,
        at: calls.map((c) => c.at),
      }),
    );
  }
  if (line.trim() === 'reset') {
    fake.reset();
    for (let i = 0; i < (count ?? 0); i += 1) fake.allowMessages(groupId ?? 1, (first ?? 0) + i);
    console.log('{}');
  }
});
lines.on('close', () => {
  void fake.close().then(() => process.exit(0));
});
