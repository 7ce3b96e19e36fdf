/**
 * The composer's message: the text per language (with a warning for a language the audience speaks but has no text),
 * the deep-link picker over the campaign's real screens, the stage it aims at, and a preview as VK draws it.
 */
import { Div, FormItem, Group, Header, NativeSelect, SegmentedControl, Textarea } from '@vkontakte/vkui';
import { useState } from 'react';
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { fill } from '../../i18n-fill.ts';
import { InsetBanner } from '../InsetBanner.tsx';
import { stageLabel } from '../stage-label.ts';
import type { BroadcastForm, SetBroadcastField } from './broadcast-draft.ts';
import { DeepLinkSelect } from './DeepLinkSelect.tsx';
import { type AudienceCount, LANGUAGES, type Language, type MailingOptions } from './mailing-api.ts';
import type { MailingsServices } from './use-mailings.ts';
import { VkMessagePreview } from './VkMessagePreview.tsx';

export function BroadcastMessage({
  m,
  language,
  options,
  form,
  set,
  count,
  number,
}: {
  m: MailingsServices['m'];
  language: Language;
  options: MailingOptions;
  form: BroadcastForm;
  set: SetBroadcastField;
  count: AudienceCount | undefined;
  /** A count as the office's language writes it. */
  number: (n: number) => string;
}) {
  const { channel, texts, link, targetStage } = form;
  const [previewLanguage, setPreviewLanguage] = useState<Language>('ru');
  // A text of only spaces, zero-width or control characters is not written (the server refuses it: blank_text).
  const missing = count ? LANGUAGES.filter((l) => !hasVisibleText(texts[l]) && count.byLanguage[l] > 0) : [];
  return (
    <Group header={<Header>{m.message}</Header>}>
      {LANGUAGES.map((l) => (
        <FormItem key={l} top={fill(m.text, { language: m[`language_${l}`] })} htmlFor={`broadcast-text-${l}`}>
          <Textarea
            id={`broadcast-text-${l}`}
            data-testid={`broadcast-text-${l}`}
            value={texts[l]}
            onChange={(e) => set('texts', { ...texts, [l]: e.target.value })}
          />
        </FormItem>
      ))}
      {missing.map((l) => (
        <InsetBanner
          key={l}
          data-testid={`missing-${l}`}
          subtitle={fill(m.missingLanguage, {
            language: m[`language_${l}`],
            count: number(count?.byLanguage[l] ?? 0),
          })}
        />
      ))}
      <FormItem top={m.deepLink}>
        <DeepLinkSelect
          m={m}
          screens={options.screens}
          value={link}
          onChange={(hash) => set('link', hash)}
          testId="broadcast-link"
        />
      </FormItem>
      <FormItem top={m.targetStage}>
        <NativeSelect
          data-testid="target-stage"
          value={targetStage}
          onChange={(e) => set('targetStage', e.target.value)}
        >
          <option value="">{m.noTarget}</option>
          {options.stages.map((s) => (
            <option key={s} value={s}>
              {stageLabel(s, language, options.taskTitles)}
            </option>
          ))}
        </NativeSelect>
      </FormItem>
      <FormItem top={m.preview}>
        <SegmentedControl
          value={previewLanguage}
          onChange={(v) => setPreviewLanguage(v as Language)}
          options={LANGUAGES.map((l) => ({ label: m[`language_${l}`], value: l }))}
        />
      </FormItem>
      <Div>
        <VkMessagePreview
          channel={channel}
          language={previewLanguage}
          text={texts[previewLanguage].trim() || texts.ru.trim() || texts.en.trim()}
          link={link || undefined}
          sender={
            channel === 'message'
              ? (options.senders.message ?? m.senderCommunity)
              : (options.senders.notification ?? m.senderApp)
          }
        />
      </Div>
    </Group>
  );
}
