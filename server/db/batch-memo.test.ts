import { describe, expect, it } from 'vitest';
import { memoInBatch, withBatchMemo } from './batch-memo.ts';

describe('memoInBatch', () => {
  it('reads once per batch, and reads every time outside one', () => {
    let reads = 0;
    const read = () => memoInBatch('k', () => ++reads);
    expect(withBatchMemo(() => [read(), read(), read()])).toEqual([1, 1, 1]);
    expect(withBatchMemo(() => read())).toBe(2);
    expect([read(), read()]).toEqual([3, 4]);
  });

  it('does not keep what a failed read threw', () => {
    let reads = 0;
    const read = () =>
      memoInBatch('k', () => {
        reads++;
        if (reads === 1) throw new Error('first read fails');
        return reads;
      });
    withBatchMemo(() => {
      expect(read).toThrow('first read fails');
      expect(read()).toBe(2);
    });
  });
});
