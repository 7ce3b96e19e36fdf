/**
 * The question before a broadcast goes out now: to how many, in VKUI's Alert as the office's other irreversible
 * actions ask (OfficeConfirm). A click on «Отправить сейчас» alone could message thousands of people.
 */
import { plural } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import { numberFormat } from '../../intl-formats.ts';
import type { MailingsMessages } from '../i18n-mailings.ts';
import { OfficeConfirm } from '../OfficeConfirm.tsx';

/**
 * «Отправить 1 250 получателям?»: the form the count takes in the language, the count written as it writes numbers.
 * @example sendNowQuestion(mailingsRu, 'ru', 21) // 'Отправить 21 получателю?'
 */
export function sendNowQuestion(m: MailingsMessages, language: 'ru' | 'en', recipients: number): string {
  const form = plural(language, recipients, { one: m.sendNowOne, other: m.sendNowMany });
  return fill(form, { count: numberFormat(language, {}).format(recipients) });
}

export function SendNowConfirm({
  m,
  language,
  recipients,
  onSend,
  onClosed,
}: {
  m: MailingsMessages;
  language: 'ru' | 'en';
  /** Those the server counts for this very broadcast now (its dry run). */
  recipients: number;
  onSend: () => void;
  onClosed: () => void;
}) {
  return (
    <OfficeConfirm
      onClosed={onClosed}
      title={sendNowQuestion(m, language, recipients)}
      description={m.sendNowWarning}
      cancel={m.sendNowBack}
      confirm={m.sendNowYes}
      onConfirm={onSend}
      testIds={{
        alert: 'send-now-confirm',
        cancel: 'send-now-back',
        confirm: 'send-now-yes',
        dismiss: 'send-now-dismiss',
      }}
    />
  );
}
