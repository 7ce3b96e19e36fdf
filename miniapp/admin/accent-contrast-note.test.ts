import { describe, expect, it } from 'vitest';
import { accentContrastNote } from './accent-contrast-note.ts';
import { officeMessages } from './i18n-office.ts';

const ru = officeMessages.ru.accentLowContrast;
const en = officeMessages.en.accentLowContrast;

describe("the office's accent contrast warning", () => {
  it('warns on a mid tone that reads as text on neither background, with its ratios in the office language', () => {
    expect(accentContrastNote('#808080', en, 'en')).toBe(
      'Links and text in this colour are hard to read on both the light background (3.9:1) and the dark one (4:1); 4.5:1 is needed. Pick a darker or a lighter colour.',
    );
    expect(accentContrastNote('#E64646', ru, 'ru')).toContain('на светлом фоне (3,9:1), и на тёмном (4:1)');
  });

  it('says nothing for a colour that reads on one background, for none, and for what is not a colour', () => {
    expect(accentContrastNote('#1a7f5a', en, 'en')).toBeUndefined(); // 5.0:1 on light
    expect(accentContrastNote('#ffd500', en, 'en')).toBeUndefined(); // 11.2:1 on dark
    expect(accentContrastNote(null, en, 'en')).toBeUndefined();
    expect(accentContrastNote('red', en, 'en')).toBeUndefined();
  });
});
