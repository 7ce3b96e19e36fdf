/**
 * Why a save was refused because someone saved the same thing meanwhile, and the offer to load the saved version,
 * together, next to the form that was refused (the campaign editor's toolbar, a form on the agency's brand page). An
 * alert, so a screen reader reads it out when it appears.
 * @example <StaleCopyBanner title={t.staleCopyTitle} text={t.staleCopyText} action={t.loadSavedVersion} onLoad={reload} />
 */
import { Button } from '@vkontakte/vkui';
import { InsetBanner } from './InsetBanner.tsx';

export function StaleCopyBanner(props: {
  title: string;
  text?: string;
  /** The offer's label ("Загрузить сохранённую версию"). */
  action: string;
  onLoad(): void;
  testId?: string;
  actionTestId?: string;
}) {
  return (
    <InsetBanner
      mode="tint"
      role="alert"
      title={props.title}
      subtitle={props.text}
      data-testid={props.testId}
      actions={
        <Button size="m" mode="primary" onClick={props.onLoad} data-testid={props.actionTestId}>
          {props.action}
        </Button>
      }
    />
  );
}
