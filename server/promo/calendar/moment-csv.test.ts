import { describe, expect, it } from 'vitest';
import { parseMomentCsv } from './moment-csv.ts';

const KEYS = new Set(['mug', 'cap']);

describe('moments CSV', () => {
  it('item 1: reads reward_key,at with an offset; header, blank lines, quotes and a spreadsheet guard are fine', () => {
    const csv =
      'reward_key,at\r\nmug,2026-06-01T12:00:00+03:00\r\n\r\n"cap","2026-06-02T09:30Z"\n\'mug,2026-06-03T00:00:00.500-02:00\n';
    const { moments, errors } = parseMomentCsv(csv, KEYS, 'Europe/Moscow');
    expect(errors).toEqual([]);
    expect(moments).toEqual([
      { line: 2, rewardKey: 'mug', at: Date.UTC(2026, 5, 1, 9) },
      { line: 4, rewardKey: 'cap', at: Date.UTC(2026, 5, 2, 9, 30) },
      { line: 5, rewardKey: 'mug', at: Date.UTC(2026, 5, 3, 2, 0, 0, 500) },
    ]);
  });

  it('item 1: every bad line is reported with its number: no offset, unknown prize, formula, extra column, bad date', () => {
    const csv = [
      'reward_key,at',
      'mug,2026-06-01T12:00:00',
      'bike,2026-06-01T12:00:00Z',
      '=HYPERLINK("http://x"),2026-06-01T12:00:00Z',
      'mug,2026-06-01T12:00:00Z,extra',
      'cap,tomorrow',
      'mug,2026-06-01T12:00:00Z',
    ].join('\n');
    const { moments, errors } = parseMomentCsv(csv, KEYS, 'Europe/Moscow');
    expect(moments.map((m) => m.line)).toEqual([7]);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
    expect(errors[0]?.message).toMatch(/offset/);
    expect(errors[1]?.message).toMatch(/not an instant-win prize/);
    expect(errors[2]?.message).toMatch(/formula/);
    expect(errors[3]).toMatchObject({ code: 'wrong_columns', params: { expected: 'reward_key / Приз, at / Время' } });
    expect(errors[4]?.message).toMatch(/"tomorrow"/);
  });

  it('a header as a Russian brand writes it («Приз;Время», either order) is skipped (found from outside: refused on line 1)', () => {
    for (const [csv, expected] of [
      ['Приз;Время\r\nmug;2026-06-01T12:00:00+03:00', { line: 2, rewardKey: 'mug', at: Date.UTC(2026, 5, 1, 9) }],
      [
        '"Дата и время";"Ключ приза"\n\n2026-06-02T09:30Z;cap',
        { line: 3, rewardKey: 'cap', at: Date.UTC(2026, 5, 2, 9, 30) },
      ],
      ['REWARD KEY,Time\nmug,2026-06-01T09:00Z', { line: 2, rewardKey: 'mug', at: Date.UTC(2026, 5, 1, 9) }],
    ] as const) {
      const { moments, errors } = parseMomentCsv(csv, KEYS, 'Europe/Moscow');
      expect([moments, errors], csv).toEqual([[expected], []]);
    }
  });

  it('a first line that is neither a header we know nor a moment is refused naming the columns in English and Russian', () => {
    const { moments, errors } = parseMomentCsv(
      'Подарок;Дата выдачи\nmug;2026-06-01T12:00:00+03:00',
      KEYS,
      'Europe/Moscow',
    );
    expect(moments).toEqual([{ line: 2, rewardKey: 'mug', at: Date.UTC(2026, 5, 1, 9) }]);
    expect(errors).toEqual([
      {
        line: 1,
        code: 'unknown_header',
        params: { value: '"Подарок;Дата выдачи"', expected: 'reward_key / Приз, at / Время' },
        message:
          '"Подарок;Дата выдачи" is not a header this import knows; expected the columns reward_key / Приз, at / Время',
      },
    ]);
    // A first line that is a moment with one bad cell stays that moment's problem.
    const first = ['mug,tomorrow', 'bike,2026-06-01T12:00:00Z', 'Кружка,2026-06-01T12:00:00Z'];
    expect(first.map((csv) => parseMomentCsv(csv, KEYS, 'Europe/Moscow').errors[0]?.code)).toEqual([
      'bad_instant',
      'unknown_prize',
      'bad_reward_key',
    ]);
  });

  it('two header cells naming one column («Приз;Награда») are refused naming both, not taken for a moment (found from outside: "not a header")', () => {
    for (const [csv, first, second, column] of [
      ['Приз;Награда\nmug;2026-06-01T12:00:00+03:00', '"Приз"', '"Награда"', 'reward_key / Приз'],
      ['Время:;Дата;Приз\n2026-06-01T12:00:00+03:00;;mug', '"Время:"', '"Дата"', 'at / Время'],
    ] as const) {
      expect(parseMomentCsv(csv, KEYS, 'Europe/Moscow').errors[0], csv).toEqual({
        line: 1,
        code: 'repeated_column',
        params: { first, second, column },
        message: `the columns ${first} and ${second} both mean ${column}: keep one`,
      });
    }
  });

  it('a header with a colon or quotes («Приз:», «Время:») is skipped as the header it is', () => {
    const { moments, errors } = parseMomentCsv('Приз:;«Время»\nmug;2026-06-01T12:00:00+03:00', KEYS, 'Europe/Moscow');
    expect([moments.length, errors]).toEqual([1, []]);
  });

  it('a date and time as Russian Excel writes it («05.06.2026 12:00») is read in the campaign zone (was refused: no offset)', () => {
    const csv = 'Приз;Время\nmug;05.06.2026 12:00\ncap;5.6.2026 9:05:30\nmug;07.06.2026\n"cap";"08.06.2026 23:59"';
    const moscow = parseMomentCsv(csv, KEYS, 'Europe/Moscow');
    expect(moscow.errors).toEqual([]);
    expect(moscow.moments.map((m) => m.at)).toEqual([
      Date.UTC(2026, 5, 5, 9),
      Date.UTC(2026, 5, 5, 6, 5, 30),
      Date.UTC(2026, 5, 6, 21), // a date alone: its midnight
      Date.UTC(2026, 5, 8, 20, 59),
    ]);
    // The same file for a campaign in Vladivostok (UTC+10) means other instants.
    expect(parseMomentCsv(csv, KEYS, 'Asia/Vladivostok').moments[0]?.at).toBe(Date.UTC(2026, 5, 5, 2));
  });

  it('a local time that does not exist is refused naming the zone: 31.02, 24:00, 12:60, a DST gap', () => {
    const csv = ['mug;31.02.2026 12:00', 'mug;05.06.2026 24:00', 'mug;05.06.2026 12:60', 'mug;06/05/2026 12:00'];
    for (const line of csv) {
      expect(parseMomentCsv(line, KEYS, 'Europe/Moscow').errors[0], line).toMatchObject({
        code: 'bad_instant',
        params: { timeZone: 'Europe/Moscow' },
      });
    }
    const gap = parseMomentCsv('mug;29.03.2026 02:30', KEYS, 'Europe/Berlin').errors[0];
    expect(gap?.message).toBe(
      'at "29.03.2026 02:30" is neither an ISO 8601 instant with an offset (2026-06-01T12:00:00+03:00) nor a date and ' +
        "time in the campaign's time zone Europe/Berlin (01.06.2026 12:00)",
    );
  });

  it('the `;;` lines Excel writes for empty rows of a formatted sheet are blank lines (found from outside: refused as reward_key "")', () => {
    const csv = 'Приз;Время;\r\n;;\r\nmug;05.06.2026 12:00;\r\n"";"";\r\n;;\r\n';
    const { moments, errors } = parseMomentCsv(csv, KEYS, 'Europe/Moscow');
    expect([moments.map((m) => m.line), errors]).toEqual([[3], []]);
  });

  it("Google Sheets' and LibreOffice's «2026-06-05 12:00:00» is local time too; an ISO `T` without an offset stays refused", () => {
    const { moments, errors } = parseMomentCsv(
      'mug;2026-06-05 12:00:00\nmug;2026-06-05 9:30\nmug;2026-06-05T12:00',
      KEYS,
      'Europe/Moscow',
    );
    expect(moments.map((m) => m.at)).toEqual([Date.UTC(2026, 5, 5, 9), Date.UTC(2026, 5, 5, 6, 30)]);
    expect(errors.map((e) => [e.line, e.code])).toEqual([[3, 'bad_instant']]);
  });

  it('a quoted cell holding a separator is one cell, named back whole (before: split at its comma, «"Кружка» named)', () => {
    const csv = 'Приз;Время\n"Кружка, белая";01.06.2026 12:00\nmug;"01.06.2026 12:00"\n';
    const { moments, errors } = parseMomentCsv(csv, KEYS, 'Europe/Moscow');
    expect(errors).toMatchObject([{ line: 2, code: 'bad_reward_key', params: { value: '"Кружка, белая"' } }]);
    expect(moments).toEqual([{ line: 3, rewardKey: 'mug', at: Date.UTC(2026, 5, 1, 9) }]);
  });

  it('a quoted cell holding a line break is one cell of one record, as pools and the catalogue read it (before: read as two lines, the first a midnight moment)', () => {
    // Red before: line 3 was cut at its break, «mug;"05.06.2026» read as a moment at midnight and «12:00"» refused.
    const csv = 'Приз;Время\r\nmug;05.06.2026 10:00\r\nmug;"05.06.2026\r\n12:00"\r\ncap;06.06.2026 12:00\r\n';
    const { moments, errors } = parseMomentCsv(csv, KEYS, 'Europe/Moscow');
    expect(errors.map((e) => [e.line, e.code, e.params.value])).toEqual([
      [3, 'bad_instant', '"05.06.2026\\r\\n12:00"'],
    ]);
    // The record after it is named by the line it starts on.
    expect(moments.map((m) => [m.line, m.rewardKey])).toEqual([
      [2, 'mug'],
      [5, 'cap'],
    ]);
  });

  it('a quote never closed is named by the line it opens on, not read as a moment (before: «mug;"05.06.2026 12:00» imported)', () => {
    const csv = 'reward_key;at\nmug;"05.06.2026 12:00\ncap;06.06.2026 12:00\n';
    const { moments, errors } = parseMomentCsv(csv, KEYS, 'Europe/Moscow');
    expect([moments, errors.map((e) => [e.line, e.code])]).toEqual([[], [[2, 'unclosed_quote']]]);
  });
});
