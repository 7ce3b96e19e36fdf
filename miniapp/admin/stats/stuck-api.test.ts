/** The stuck list's address, its keyset cursor and the «at least» choice read from the address. */
import { describe, expect, it } from 'vitest';
import { nextCursor, type StuckPerson, stuckCsvFileName, stuckHoursOf, stuckPath } from './stuck-api.ts';

const person = (participantId: number, stageReachedAt: number): StuckPerson => ({
  participantId,
  platform: 'vk',
  userId: String(1000 + participantId),
  stage: 'opened',
  stageReachedAt,
  source: null,
  profileUrl: null,
});

describe('stuck list paging and address', () => {
  it('asks one stage, the chosen hours and the page size; the cursor goes as the two keys the server takes', () => {
    expect(stuckPath(3, { stage: 'task:q1', minHours: 24, limit: 20 })).toBe(
      '/api/admin/funnel/campaigns/3/stuck?stage=task%3Aq1&minHours=24&limit=20',
    );
    expect(stuckPath(3, { stage: 'opened', minHours: 1, limit: 20, after: { afterReachedAt: 5, afterId: 9 } })).toBe(
      '/api/admin/funnel/campaigns/3/stuck?stage=opened&minHours=1&limit=20&afterReachedAt=5&afterId=9',
    );
    expect(stuckPath(3, { stage: 'opened', minHours: 72 }, true)).toBe(
      '/api/admin/funnel/campaigns/3/stuck?stage=opened&minHours=72&format=csv',
    );
  });

  it('the next page starts after the last row shown (its time and id), never at an offset', () => {
    const page = { total: 5, rows: [person(7, 100), person(4, 200)] };
    expect(nextCursor(page, 2, 2)).toEqual({ afterReachedAt: 200, afterId: 4 });
  });

  it('there is no next page after a short page, once the total is shown, or for an empty list', () => {
    expect(nextCursor({ total: 5, rows: [person(1, 1)] }, 1, 2)).toBeNull();
    expect(nextCursor({ total: 4, rows: [person(1, 1), person(2, 2)] }, 4, 2)).toBeNull();
    expect(nextCursor({ total: 0, rows: [] }, 0, 2)).toBeNull();
  });

  it('the address’s hours are one of the choices; anything else is the server’s default of 24', () => {
    expect([stuckHoursOf('1'), stuckHoursOf('72'), stuckHoursOf('168')]).toEqual([1, 72, 168]);
    expect([stuckHoursOf(null), stuckHoursOf('5'), stuckHoursOf('abc'), stuckHoursOf('')]).toEqual([24, 24, 24, 24]);
  });

  it('names the file by campaign, stage and hours, without characters a file name may not hold', () => {
    expect(stuckCsvFileName(3, 'task:q1', 24)).toBe('stuck-3-task_q1-24h.csv');
    expect(stuckCsvFileName(3, 'opened', 168)).toBe('stuck-3-opened-168h.csv');
  });
});
