import { SegmentedControl } from '@vkontakte/vkui';
import type { ColorScheme } from '../../platform/types.ts';

/** The preview's language and colour-scheme switches, the same for every previewed screen. */
export function PreviewSwitches(props: {
  lang: 'ru' | 'en';
  onLang: (lang: 'ru' | 'en') => void;
  scheme: ColorScheme;
  onScheme: (scheme: ColorScheme) => void;
}) {
  return (
    <>
      <SegmentedControl
        size="m"
        style={{ width: 110 }}
        value={props.lang}
        onChange={(v) => props.onLang(v as 'ru' | 'en')}
        options={[
          { value: 'ru', label: 'RU' },
          { value: 'en', label: 'EN' },
        ]}
      />
      <SegmentedControl
        size="m"
        style={{ width: 110 }}
        value={props.scheme}
        onChange={(v) => props.onScheme(v as ColorScheme)}
        options={[
          { value: 'light', label: '☀', 'aria-label': 'light' },
          { value: 'dark', label: '☾', 'aria-label': 'dark' },
        ]}
      />
    </>
  );
}
