/**
 * The word that a draft kept on the device (kept-drafts.ts) came back: a title, a line saying when it was typed
 * (`text` fills `{time}` in the member's language) and one button to throw it away. One look for every office form
 * that keeps drafts.
 */
import { Button } from '@vkontakte/vkui';
import { useApp } from '../app-context.ts';
import { formatDateTime } from '../i18n.ts';
import { fill } from '../i18n-fill.ts';
import { InsetBanner } from './InsetBanner.tsx';

export function RestoredDraftBanner(p: {
  title: string;
  /** Holds `{time}`: when the draft was last typed. */
  text: string;
  keptAt: number;
  discard: string;
  onDiscard: () => void;
  testId: string;
  discardTestId: string;
}) {
  const { language } = useApp();
  return (
    <InsetBanner
      mode="tint"
      title={p.title}
      subtitle={fill(p.text, { time: formatDateTime(p.keptAt, language) })}
      data-testid={p.testId}
      actions={
        <Button size="m" mode="secondary" onClick={p.onDiscard} data-testid={p.discardTestId}>
          {p.discard}
        </Button>
      }
    />
  );
}
