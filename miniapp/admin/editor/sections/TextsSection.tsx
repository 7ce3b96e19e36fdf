/** The campaign's texts in the chosen language, with the organiser and the brand's own terms for the rules page. */
import { Group, Header } from '@vkontakte/vkui';
import type { SectionProps } from '../document-edit.ts';
import { useEditor } from '../editor-context.ts';
import { asBilingual, BilingualField } from '../fields.tsx';

export function TextsSection({ doc, edit }: SectionProps) {
  const { t } = useEditor();
  return (
    <Group header={<Header>{t.texts}</Header>}>
      <BilingualField
        label={t.title}
        path="title"
        value={doc.title}
        onChange={(title) => edit((d) => ({ ...d, title }))}
      />
      <BilingualField
        label={t.description}
        path="description"
        multiline
        value={doc.description}
        onChange={(description) => edit((d) => ({ ...d, description }))}
      />
      <BilingualField
        label={t.organizer}
        path="settings.organizer"
        value={asBilingual(doc.settings.organizer)}
        onChange={(organizer) => edit((d) => ({ ...d, settings: { ...d.settings, organizer } }))}
      />
      <BilingualField
        label={t.rulesText}
        path="rulesText"
        multiline
        hint={t.rulesTextHint}
        value={doc.rulesText}
        onChange={(rulesText) => edit((d) => ({ ...d, rulesText }))}
      />
    </Group>
  );
}
