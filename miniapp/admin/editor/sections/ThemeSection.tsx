/** Accent colour (with a warning when it reads as text on neither background) and cover image of the campaign screen. */
import { Group, Header } from '@vkontakte/vkui';
import { accentContrastNote } from '../../accent-contrast-note.ts';
import { FieldRow } from '../../FieldRow.tsx';
import { useOffice } from '../../use-office.ts';
import type { SectionProps } from '../document-edit.ts';
import { useEditor } from '../editor-context.ts';
import { TextField } from '../fields.tsx';

export function ThemeSection({ doc, edit }: SectionProps) {
  const { t } = useEditor();
  const { language } = useOffice();
  const lowContrast = accentContrastNote(doc.theme.accent, t.accentLowContrast, language);
  const setTheme = (patch: Partial<typeof doc.theme>) =>
    edit((d) => {
      const theme = { ...d.theme, ...patch };
      // An emptied field means "none", which the document says by leaving the key out.
      for (const k of Object.keys(theme) as (keyof typeof theme)[]) if (!theme[k]) delete theme[k];
      return { ...d, theme };
    });
  return (
    <Group header={<Header>{t.theme}</Header>}>
      <FieldRow>
        <TextField
          label={t.accent}
          path="theme.accent"
          type="color"
          value={doc.theme.accent ?? '#2688eb'}
          onChange={(accent) => setTheme({ accent })}
          hint={lowContrast && <span data-testid="accent-low-contrast">{lowContrast}</span>}
        />
        <TextField
          label={t.coverUrl}
          path="theme.coverUrl"
          type="url"
          value={doc.theme.coverUrl ?? ''}
          onChange={(coverUrl) => setTheme({ coverUrl })}
        />
      </FieldRow>
    </Group>
  );
}
