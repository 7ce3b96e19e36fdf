import { expect, it } from 'vitest';
import { TransactionGate } from './transaction-gate.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

it('item 5: shared turns run side by side; an exclusive turn waits for them, runs alone, and holds back later arrivals', async () => {
  const gate = new TransactionGate();
  const log: string[] = [];
  let running = 0;
  let most = 0;
  const turn = (name: string, exclusive: boolean) =>
    gate.run(exclusive, async () => {
      running += 1;
      most = Math.max(most, running);
      log.push(`start ${name}${exclusive ? ` alone=${running === 1}` : ''}`);
      await tick();
      running -= 1;
      log.push(`end ${name}`);
    });
  await Promise.all([turn('a', false), turn('b', false), turn('x', true), turn('c', false)]);
  expect(most).toBe(2);
  expect(log).toEqual(['start a', 'start b', 'end a', 'end b', 'start x alone=true', 'end x', 'start c', 'end c']);
});

it('item 5: a failing turn gives its place back', async () => {
  const gate = new TransactionGate();
  await expect(gate.run(true, async () => Promise.reject(new Error('40001')))).rejects.toThrow('40001');
  expect(await gate.run(true, async () => 'next')).toBe('next');
});
