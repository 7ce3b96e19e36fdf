/**
 * The question before a broadcast goes out now: to how many, in VKUI's Alert as the office's other irreversible
 * actions ask (LifecycleBar, SupportLibrary). A click on «Отправить сейчас» alone could message thousands of people.
 */
import { Alert } from '@vkontakte/vkui';
import { plural } from '../../i18n.ts';
import { fill } from '../../i18n-fill.ts';
import { numberFormat } from '../../intl-formats.ts';
import type { MailingsMessages } from '../i18n-mailings.ts';

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
    <Alert
      onClosed={onClosed}
      dismissLabel={m.sendNowBack}
      // Outside (VKUI's default on a phone) the cross sat on the screen's edge, cut in half.
      dismissButtonMode="inside"
      dismissButtonTestId="send-now-dismiss"
      title={sendNowQuestion(m, language, recipients)}
      description={m.sendNowWarning}
      data-testid="send-now-confirm"
      actions={[
        { title: m.sendNowBack, mode: 'cancel', 'data-testid': 'send-now-back' },
        { title: m.sendNowYes, mode: 'default', action: onSend, 'data-testid': 'send-now-yes' },
      ]}
    />
  );
}
