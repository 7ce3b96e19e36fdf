/** The deep-link picker of a broadcast and of a rule's variant: no button, or one that opens a real screen of the campaign. */
import { NativeSelect } from '@vkontakte/vkui';
import type { MailingOptions } from './mailing-api.ts';
import { type MailingsServices, screenLabel } from './use-mailings.ts';

export function DeepLinkSelect({
  m,
  screens,
  value,
  onChange,
  testId,
}: {
  m: MailingsServices['m'];
  screens: MailingOptions['screens'];
  /** The screen's hash, '' for no button. */
  value: string;
  onChange: (hash: string) => void;
  testId?: string;
}) {
  return (
    <NativeSelect data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{m.noLink}</option>
      {screens.map((s) => (
        <option key={`${s.kind}:${s.key ?? ''}`} value={s.hash}>
          {screenLabel(m, s)}
        </option>
      ))}
    </NativeSelect>
  );
}
