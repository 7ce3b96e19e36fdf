/** Accent colour and cover image of the participant's campaign screen. */
import { Group, Header } from '@vkontakte/vkui';
import { FieldRow } from '../../FieldRow.tsx';
import type { SectionProps } from '../document-edit.ts';
import { useEditor } from '../editor-context.ts';
import { TextField } from '../fields.tsx';

export function ThemeSection({ doc, edit }: SectionProps) {
  const { t } = useEditor();
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
