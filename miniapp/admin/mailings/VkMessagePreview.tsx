/**
 * The message as a recipient sees it in VK, drawn with VKUI: the community's bubble with the text and, when the
 * message links into the app, the inline "open app" button under it (its label in the recipient's language); a
 * mini-app notification is drawn as the notification card.
 */
import { Avatar, Button, Caption, Card, Div, Footnote, Paragraph, SimpleCell } from '@vkontakte/vkui';
import type { Channel, Language } from './mailing-api.ts';

/** The button's label per language, as server/mailing/open-app-button.ts writes it. */
const OPEN_APP: Record<Language, string> = { ru: 'Открыть приложение', en: 'Open the app' };

export function VkMessagePreview({
  channel,
  text,
  link,
  language,
  sender,
}: {
  channel: Channel;
  text: string;
  link?: string;
  language: Language;
  sender: string;
}) {
  if (channel === 'notification') {
    return (
      <Card Component="div" mode="outline" data-testid={`vk-preview-${language}`}>
        <SimpleCell before={<Avatar size={40} initials={sender.slice(0, 1)} />} subtitle={text} multiline>
          {sender}
        </SimpleCell>
        {link && (
          <Div>
            <Caption>#{link}</Caption>
          </Div>
        )}
      </Card>
    );
  }
  return (
    <Card Component="div" mode="outline" data-testid={`vk-preview-${language}`}>
      <SimpleCell before={<Avatar size={36} initials={sender.slice(0, 1)} />}>
        <Footnote weight="2">{sender}</Footnote>
      </SimpleCell>
      <Div style={{ paddingTop: 0 }}>
        <Card Component="div" mode="shadow" style={{ padding: 12, borderRadius: 16, maxWidth: 420 }}>
          <Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text || '…'}</Paragraph>
        </Card>
        {link && (
          <div style={{ maxWidth: 420, marginTop: 8 }}>
            <Button mode="secondary" size="m" stretched>
              {OPEN_APP[language]}
            </Button>
            <Caption style={{ marginTop: 4, opacity: 0.6 }}>#{link}</Caption>
          </div>
        )}
      </Div>
    </Card>
  );
}
