/**
 * «Show more» under an office list paged by the server's cursor (the audit log, who is stuck where), with why the last
 * try failed above it.
 */
import { Button, Div, Footnote } from '@vkontakte/vkui';

export function ShowMore(props: {
  label: string;
  loading: boolean;
  /** The last «show more» that failed, worded with its reason; null when it did not. */
  failed: string | null;
  onClick: () => void;
  testId: string;
}) {
  return (
    <Div>
      {props.failed && (
        <Footnote role="alert" style={{ marginBottom: 8 }}>
          {props.failed}
        </Footnote>
      )}
      <Button
        stretched
        mode="secondary"
        size="l"
        loading={props.loading}
        data-testid={props.testId}
        onClick={props.onClick}
      >
        {props.label}
      </Button>
    </Div>
  );
}
