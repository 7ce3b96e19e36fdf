import { expect, it } from 'vitest';
import { TurnsPerKey } from './turns-per-key.ts';

/** A work that ends when the test says so, recording when it started and ended. */
function gate(log: string[], name: string) {
  let open = (): void => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    open,
    work: async () => {
      log.push(`${name} start`);
      await opened;
      log.push(`${name} end`);
      return name;
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

it('runs the works of one key one after another in the order queued, other keys beside them', async () => {
  const turns = new TurnsPerKey(60_000);
  const log: string[] = [];
  const [a1, a2, b1] = [gate(log, 'a1'), gate(log, 'a2'), gate(log, 'b1')];
  const results = [turns.run('a', a1.work), turns.run('a', a2.work), turns.run('b', b1.work)];
  await settle();
  expect(log).toEqual(['a1 start', 'b1 start']);
  b1.open();
  a2.open();
  await settle();
  // a2 may not start before a1 has ended, even though its own gate is open.
  expect(log).toEqual(['a1 start', 'b1 start', 'b1 end']);
  a1.open();
  expect(await Promise.all(results)).toEqual(['a1', 'a2', 'b1']);
  expect(log).toEqual(['a1 start', 'b1 start', 'b1 end', 'a1 end', 'a2 start', 'a2 end']);
  await settle();
  expect(turns.busyKeys).toBe(0);
});

it('a work that fails ends its turn; the next one runs', async () => {
  const turns = new TurnsPerKey(60_000);
  const failed = turns.run('a', async () => {
    throw new Error('boom');
  });
  const next = turns.run('a', async () => 'next');
  await expect(failed).rejects.toThrow('boom');
  expect(await next).toBe('next');
});

it('a work that hangs holds its key only for the time limit', async () => {
  const turns = new TurnsPerKey(50);
  const log: string[] = [];
  const hung = gate(log, 'hung');
  void turns.run('a', hung.work);
  const started = Date.now();
  expect(await turns.run('a', async () => 'after')).toBe('after');
  expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  hung.open();
});

it('without a key a work runs at once', async () => {
  const turns = new TurnsPerKey(60_000);
  const log: string[] = [];
  const first = gate(log, 'first');
  void turns.run(undefined, first.work);
  expect(await turns.run(undefined, async () => 'second')).toBe('second');
  expect(log).toEqual(['first start']);
  first.open();
});

it('without a time limit a turn lasts as long as its work', async () => {
  const turns = new TurnsPerKey();
  const log: string[] = [];
  const slow = gate(log, 'slow');
  const first = turns.run('a', slow.work);
  const second = turns.run('a', async () => {
    log.push('second');
    return 'second';
  });
  await new Promise((r) => setTimeout(r, 50));
  expect(log).toEqual(['slow start']);
  slow.open();
  expect(await Promise.all([first, second])).toEqual(['slow', 'second']);
  expect(log).toEqual(['slow start', 'slow end', 'second']);
});
