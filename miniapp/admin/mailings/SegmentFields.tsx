/**
 * The audience filter shared by the rule editor and the broadcast composer: stage (broadcasts; a rule's stages are
 * its own), launch source, tags (any of), language. Platform is VK by nature: community messages and mini-app
 * notifications exist only there.
 */
import { Checkbox, FormItem, FormLayoutGroup, NativeSelect, SegmentedControl } from '@vkontakte/vkui';
import { launchSourceText } from '../launch-source.ts';
import { stageLabel } from '../stage-label.ts';
import type { Language, MailingOptions } from './mailing-api.ts';
import type { MailingsServices } from './use-mailings.ts';

export interface SegmentValue {
  stage?: string;
  source?: string;
  tags?: string[];
  languages?: Language[];
}

export function SegmentFields({
  m,
  options,
  value,
  onChange,
  withStage,
  language: officeLanguage,
}: {
  m: MailingsServices['m'];
  /** The office's language, for the stage and launch-source names. */
  language: Language;
  options: MailingOptions;
  value: SegmentValue;
  onChange: (next: SegmentValue) => void;
  withStage: boolean;
}) {
  const tags = value.tags ?? [];
  const language = value.languages?.length === 1 ? value.languages[0] : 'all';
  return (
    <>
      <FormLayoutGroup mode="horizontal">
        {withStage && (
          <FormItem top={m.stage}>
            <NativeSelect
              data-testid="segment-stage"
              value={value.stage ?? ''}
              onChange={(e) => onChange({ ...value, stage: e.target.value || undefined })}
            >
              <option value="">{m.anySource}</option>
              {options.stages.map((s) => (
                <option key={s} value={s}>
                  {stageLabel(s, officeLanguage, options.taskTitles)}
                </option>
              ))}
            </NativeSelect>
          </FormItem>
        )}
        <FormItem top={m.source}>
          <NativeSelect
            data-testid="segment-source"
            value={value.source ?? ''}
            onChange={(e) => onChange({ ...value, source: e.target.value || undefined })}
          >
            <option value="">{m.anySource}</option>
            {/* By name, never VK's raw `vk_ref` (catalog_recent); an unknown one as sent. */}
            {options.sources.map((s) => (
              <option key={s} value={s}>
                {launchSourceText(s, officeLanguage)}
              </option>
            ))}
          </NativeSelect>
        </FormItem>
      </FormLayoutGroup>
      <FormItem top={m.languages} bottom={m.platform}>
        <SegmentedControl
          data-testid="segment-language"
          value={language}
          onChange={(v) => onChange({ ...value, languages: v === 'all' ? undefined : [v as Language] })}
          options={[
            { label: m.allLanguages, value: 'all' },
            { label: m.language_ru, value: 'ru' },
            { label: m.language_en, value: 'en' },
          ]}
        />
      </FormItem>
      {options.tags.length > 0 && (
        <FormItem top={m.tags}>
          {options.tags.map((tag) => (
            <Checkbox
              key={tag}
              checked={tags.includes(tag)}
              onChange={(e) => {
                const next = e.target.checked ? [...tags, tag] : tags.filter((x) => x !== tag);
                onChange({ ...value, tags: next.length > 0 ? next : undefined });
              }}
            >
              {tag}
            </Checkbox>
          ))}
        </FormItem>
      )}
    </>
  );
}
