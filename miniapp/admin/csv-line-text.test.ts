import { describe, expect, it } from 'vitest';
import { parseMomentCsv } from '../../server/promo/calendar/moment-csv.ts';
import { CSV_LINE_MESSAGES } from '../../server/promo/csv-line-error.ts';
import { parseCodesCsv } from '../../server/promo/rewards/csv-import.ts';
import { CSV_LINE_WORDING, csvLineText } from './csv-line-text.ts';

describe('CSV line problems in the office', () => {
  it('item 4: every line code the server sends is worded in Russian and English', () => {
    const codes = Object.keys(CSV_LINE_MESSAGES).sort();
    expect(Object.keys(CSV_LINE_WORDING.ru).sort()).toEqual(codes);
    expect(Object.keys(CSV_LINE_WORDING.en).sort()).toEqual(codes);
  });

  it('item 4: a pool import and a calendar import line problem read in Russian in the ru office', () => {
    const [repeat] = parseCodesCsv('AAA111\nAAA111').errors;
    expect(repeat).toMatchObject({ line: 2, code: 'repeats_line' });
    expect(csvLineText('ru', repeat as NonNullable<typeof repeat>)).toBe('AAA111 повторяет строку 1');
    expect(csvLineText('en', repeat as NonNullable<typeof repeat>)).toBe('AAA111 repeats line 1');
    const [unknown] = parseMomentCsv(
      'reward_key,at\nhat,2026-06-01T12:00:00+03:00',
      new Set(['mug']),
      'Europe/Moscow',
    ).errors;
    expect(unknown).toMatchObject({ line: 2, code: 'unknown_prize' });
    expect(csvLineText('ru', unknown as NonNullable<typeof unknown>)).toBe('"hat" — не мгновенный приз этой акции');
    const [local] = parseMomentCsv('mug;31.06.2026 12:00', new Set(['mug']), 'Asia/Omsk').errors;
    expect(csvLineText('ru', local as NonNullable<typeof local>)).toBe(
      '"31.06.2026 12:00" — не дата и время в часовом поясе акции Asia/Omsk (01.06.2026 12:00) и не момент ISO 8601 ' +
        'со смещением (2026-06-01T12:00:00+03:00)',
    );
    // A code this office does not know yet still shows the server's message.
    expect(csvLineText('ru', { code: 'newer', message: 'as sent' })).toBe('as sent');
  });

  it('an unknown header reads in the ru office with the columns expected in both languages', () => {
    const [header] = parseMomentCsv(
      'Подарок;Дата выдачи\nmug;2026-06-01T12:00:00+03:00',
      new Set(['mug']),
      'Europe/Moscow',
    ).errors;
    expect(csvLineText('ru', header as NonNullable<typeof header>)).toBe(
      '"Подарок;Дата выдачи" — не заголовок, который мы знаем; нужны столбцы reward_key / Приз, at / Время',
    );
    const [codes] = parseCodesCsv('Список подарков\nAAA111').errors;
    expect(csvLineText('ru', codes as NonNullable<typeof codes>)).toBe(
      '"Список подарков" — не заголовок, который мы знаем; нужны столбцы code / Промокод',
    );
  });

  it('a line with a third column and a header naming one column twice read in the ru office, worded from the table', () => {
    const keys = new Set(['mug']);
    const [extra] = parseMomentCsv('mug;2026-06-01T12:00:00+03:00;комментарий', keys, 'Europe/Moscow').errors;
    expect(csvLineText('ru', extra as NonNullable<typeof extra>)).toBe(
      'Нужны только столбцы reward_key / Приз, at / Время',
    );
    expect(csvLineText('en', extra as NonNullable<typeof extra>)).toBe(
      'Expected only the columns reward_key / Приз, at / Время',
    );
    const [twice] = parseMomentCsv('Приз;Награда\nmug;2026-06-01T12:00:00+03:00', keys, 'Europe/Moscow').errors;
    expect(csvLineText('ru', twice as NonNullable<typeof twice>)).toBe(
      'Столбцы "Приз" и "Награда" означают одно и то же (reward_key / Приз): оставьте один',
    );
  });
});
