import { describe, expect, it } from 'vitest';
import { deliveryBar } from './delivery-bar.ts';

describe("a broadcast's bar shows what was delivered (decision 069)", () => {
  it('half-sent and stopped by the brand switch-off: 40%, negative — not 100% of "decided"', () => {
    expect(deliveryBar({ status: 'cancelled' }, { total: 5, byStatus: { sent: 2, cancelled: 3 } })).toEqual({
      percent: 40,
      delivered: 2,
      total: 5,
      appearance: 'negative',
    });
  });

  it('sending: the share delivered so far, accent; finished with everyone reached: 100%, positive', () => {
    expect(deliveryBar({ status: 'enqueued' }, { total: 4, byStatus: { sent: 1, queued: 3 } })).toMatchObject({
      percent: 25,
      appearance: 'accent',
    });
    expect(deliveryBar({ status: 'enqueued' }, { total: 4, byStatus: { sent: 4 } })).toMatchObject({
      percent: 100,
      appearance: 'positive',
    });
  });

  it('finished with some failed: short of 100 (rounded down), negative', () => {
    expect(deliveryBar({ status: 'enqueued' }, { total: 200, byStatus: { sent: 199, failed: 1 } })).toMatchObject({
      percent: 99,
      delivered: 199,
      total: 200,
      appearance: 'negative',
    });
  });

  it('scheduled, or nothing written: 0%, accent', () => {
    expect(deliveryBar({ status: 'scheduled' }, { total: 0, byStatus: {} })).toMatchObject({
      percent: 0,
      appearance: 'accent',
    });
    expect(deliveryBar({ status: 'cancelled' }, { total: 0, byStatus: {} })).toMatchObject({
      percent: 0,
      appearance: 'accent',
    });
  });
});
