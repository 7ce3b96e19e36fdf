/** The composer's audience: the segment, and how many it reaches now (with consent, of all), counted as it changes. */
import { FormItem, FormStatus, Group, Header } from '@vkontakte/vkui';
import { fill } from '../../i18n-fill.ts';
import { Loading } from '../../Loading.tsx';
import type { AudienceCount, Language, MailingOptions } from './mailing-api.ts';
import { SegmentFields, type SegmentValue } from './SegmentFields.tsx';
import type { MailingsServices } from './use-mailings.ts';

export function BroadcastAudience({
  m,
  language,
  options,
  segment,
  onChange,
  count,
  counting,
  number,
}: {
  m: MailingsServices['m'];
  language: Language;
  options: MailingOptions;
  segment: SegmentValue;
  onChange: (next: SegmentValue) => void;
  count: AudienceCount | undefined;
  counting: boolean;
  /** A count as the office's language writes it. */
  number: (n: number) => string;
}) {
  return (
    <Group header={<Header>{m.segment}</Header>}>
      <SegmentFields m={m} language={language} options={options} value={segment} onChange={onChange} withStage />
      <FormItem>
        <FormStatus data-testid="audience-count" mode="default">
          {counting || !count ? (
            <>
              <Loading size="s" quiet /> {m.counting}
            </>
          ) : (
            <>
              <b data-testid="audience-number">{fill(m.audience, { count: number(count.withConsent) })}</b>
              {' · '}
              {fill(m.audienceTotal, { total: number(count.total), count: number(count.withConsent) })}
            </>
          )}
        </FormStatus>
      </FormItem>
    </Group>
  );
}
