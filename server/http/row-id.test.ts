/** The one reading of a numeric id in a URL: only plain decimal digits within the column's range. */
import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { MAX_ROW_ID, MAX_VK_ID, RowIdParam, readRowId, readVkId, VkIdParam } from './row-id.ts';

/** Every spelling `Number()` (so `z.coerce.number()`) reads as 12, and a few it reads as nothing. */
const NOT_CANONICAL = ['012', '+12', '12.0', '12.', ' 12', '12 ', '\t12', '0x0c', '0b1100', '0o14', '1.2e1', '12e0'];
const NOT_A_NUMBER = ['', 'abc', '-12', '0', '00', '12abc', '1_2', '１２', 'Infinity', 'NaN'];

describe('RowIdParam', () => {
  it('reads the canonical spelling, up to the largest PostgreSQL integer', () => {
    expect(RowIdParam.parse('12')).toBe(12);
    expect(RowIdParam.parse('1')).toBe(1);
    expect(RowIdParam.parse(String(MAX_ROW_ID))).toBe(MAX_ROW_ID);
  });

  it.each([...NOT_CANONICAL, ...NOT_A_NUMBER])('refuses %j', (text) => {
    expect(RowIdParam.safeParse(text).success).toBe(false);
    expect(readRowId(text)).toBeUndefined();
  });

  it('refuses an id beyond the column, however long, with the bound', () => {
    for (const text of [String(MAX_ROW_ID + 1), '9007199254740993', '9'.repeat(400)]) {
      const issue = RowIdParam.safeParse(text).error?.issues[0];
      expect(issue).toMatchObject({ code: 'too_big', maximum: MAX_ROW_ID });
    }
  });

  it('says why in the field of the object it sits in', () => {
    const issue = z.object({ id: RowIdParam }).safeParse({ id: '1e0' }).error?.issues[0];
    expect(issue?.path).toEqual(['id']);
    expect(issue?.message).toMatch(/plain decimal digits/);
  });
});

describe('VkIdParam', () => {
  it('reads VK ids beyond a row id, up to the largest safe integer', () => {
    expect(VkIdParam.parse('200000777')).toBe(200000777);
    expect(readVkId(String(MAX_ROW_ID + 1))).toBe(MAX_ROW_ID + 1);
    expect(readVkId(String(MAX_VK_ID))).toBe(MAX_VK_ID);
    expect(readVkId(String(MAX_VK_ID + 2))).toBeUndefined();
  });

  it.each(NOT_CANONICAL)('refuses %j', (text) => expect(readVkId(text)).toBeUndefined());
});
