import { describe, expect, it } from 'vitest';
import { fromWallTime, toWallTime, zoneLabel } from './zoned-time.ts';

describe('mailing times in the campaign time zone', () => {
  it("item 3: a typed schedule means that wall time in the campaign's zone, whatever the viewer's zone", () => {
    // The test process may run in any zone (CI: UTC): the answers depend only on the campaign's zone.
    expect(fromWallTime('2026-12-01T10:00', 'Asia/Vladivostok')).toBe(Date.UTC(2026, 11, 1, 0, 0));
    expect(fromWallTime('2026-12-01T10:00', 'Europe/Moscow')).toBe(Date.UTC(2026, 11, 1, 7, 0));
    expect(fromWallTime('2026-12-01T10:00', 'America/New_York')).toBe(Date.UTC(2026, 11, 1, 15, 0));
    // Summer time: New York is UTC−4 in July.
    expect(fromWallTime('2026-07-01T10:00', 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 14, 0));
    expect(fromWallTime('tomorrow', 'Europe/Moscow')).toBeUndefined();
  });

  it('item 3: a stored instant is shown back as the same wall time and labelled with the zone', () => {
    const at = Date.UTC(2026, 11, 1, 0, 0);
    expect(toWallTime(at, 'Asia/Vladivostok')).toBe('2026-12-01T10:00');
    expect(toWallTime(at, 'Europe/Moscow')).toBe('2026-12-01T03:00');
    expect(zoneLabel('Europe/Moscow', at)).toBe('Europe/Moscow, UTC+3');
    expect(zoneLabel('Asia/Kolkata', at)).toBe('Asia/Kolkata, UTC+5:30');
    expect(zoneLabel('America/New_York', at)).toBe('America/New_York, UTC−5');
  });
});
