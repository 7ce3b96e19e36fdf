/**
 * The editor's form: the sections a campaign of this mechanic has, in the language chosen at the top; the instant-win
 * mode for the mechanics it decides (wheel, pack code), the help screen's questions for every campaign.
 */
import { Div, Group, SegmentedControl } from '@vkontakte/vkui';
import type { CampaignDocument } from '../office-api.ts';
import { useOffice } from '../use-office.ts';
import type { EditDocument } from './document-edit.ts';
import { EditorContext, type EditorState } from './editor-context.ts';
import { FaqSection } from './sections/FaqSection.tsx';
import { InstantWinSection } from './sections/InstantWinSection.tsx';
import { PackCodeSection } from './sections/PackCodeSection.tsx';
import { QuizSection } from './sections/QuizSection.tsx';
import { RewardsSection } from './sections/RewardsSection.tsx';
import { ScheduleSection } from './sections/ScheduleSection.tsx';
import { TasksSection } from './sections/TasksSection.tsx';
import { TextsSection } from './sections/TextsSection.tsx';
import { ThemeSection } from './sections/ThemeSection.tsx';
import { WheelSection } from './sections/WheelSection.tsx';

export function EditorForm({
  doc,
  edit,
  state,
  onLanguage,
}: {
  doc: CampaignDocument;
  edit: EditDocument;
  state: EditorState;
  onLanguage: (lang: 'ru' | 'en') => void;
}) {
  const { t } = useOffice();
  return (
    <EditorContext.Provider value={state}>
      <Group>
        <Div>
          <SegmentedControl
            aria-label={t.language}
            value={state.lang}
            onChange={(v) => onLanguage(v as 'ru' | 'en')}
            options={[
              { value: 'ru', label: t.language_ru },
              { value: 'en', label: t.language_en },
            ]}
            data-testid="office-edit-language"
          />
        </Div>
      </Group>
      <TextsSection doc={doc} edit={edit} />
      <ScheduleSection doc={doc} edit={edit} />
      <ThemeSection doc={doc} edit={edit} />
      {doc.mechanic === 'quiz' && <QuizSection doc={doc} edit={edit} />}
      {doc.mechanic === 'wheel' && <WheelSection doc={doc} edit={edit} />}
      {doc.mechanic === 'code' && <PackCodeSection doc={doc} edit={edit} />}
      {(doc.mechanic === 'wheel' || doc.mechanic === 'code') && <InstantWinSection doc={doc} edit={edit} />}
      <TasksSection doc={doc} edit={edit} />
      <RewardsSection doc={doc} edit={edit} />
      <FaqSection doc={doc} edit={edit} />
    </EditorContext.Provider>
  );
}
