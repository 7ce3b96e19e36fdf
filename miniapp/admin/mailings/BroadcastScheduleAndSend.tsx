/**
 * The composer's last group: when to send (the campaign's wall-clock time) and whether quiet hours may be ignored,
 * the last answer in words, then the buttons: dry run, and send now or schedule (send now asks first).
 */
import { Button, ButtonGroup, Checkbox, Div, FormItem, FormStatus, Group, Input } from '@vkontakte/vkui';
import { fill } from '../../i18n-fill.ts';
import { zoneLabel } from '../zoned-time.ts';
import type { BroadcastForm, SetBroadcastField } from './broadcast-draft.ts';
import type { MailingOptions } from './mailing-api.ts';
import type { ComposerStatus } from './use-broadcast-send.ts';
import type { MailingsServices } from './use-mailings.ts';

export function BroadcastScheduleAndSend({
  m,
  options,
  form,
  set,
  status,
  busy,
  onDryRun,
  onSchedule,
  onSendNow,
}: {
  m: MailingsServices['m'];
  options: MailingOptions;
  form: BroadcastForm;
  set: SetBroadcastField;
  status: ComposerStatus | undefined;
  busy: boolean;
  onDryRun: () => void;
  onSchedule: () => void;
  onSendNow: () => void;
}) {
  const { scheduleAt, ignoreQuiet } = form;
  return (
    <Group>
      <FormItem
        top={m.scheduleAt}
        htmlFor="broadcast-schedule"
        bottom={<span data-testid="schedule-zone">{fill(m.timesIn, { zone: zoneLabel(options.timeZone) })}</span>}
      >
        <Input
          id="broadcast-schedule"
          type="datetime-local"
          value={scheduleAt}
          onChange={(e) => set('scheduleAt', e.target.value)}
        />
      </FormItem>
      <FormItem>
        <Checkbox
          data-testid="ignore-quiet"
          checked={ignoreQuiet}
          onChange={(e) => set('ignoreQuiet', e.target.checked)}
        >
          {m.ignoreQuiet}
        </Checkbox>
      </FormItem>
      {status && (
        <FormItem>
          <FormStatus data-testid="composer-status" mode={status.ok ? 'default' : 'error'}>
            {status.text}
          </FormStatus>
        </FormItem>
      )}
      <Div>
        {/* One above the other: side by side, the labels were cut off on a phone ("Send n…"). */}
        <ButtonGroup mode="vertical" gap="s" stretched>
          <Button size="l" stretched mode="secondary" data-testid="dry-run" disabled={busy} onClick={onDryRun}>
            {m.dryRun}
          </Button>
          {scheduleAt ? (
            <Button size="l" stretched disabled={busy} onClick={onSchedule}>
              {m.schedule}
            </Button>
          ) : (
            <Button size="l" stretched data-testid="send-now" disabled={busy} onClick={onSendNow}>
              {m.sendNow}
            </Button>
          )}
        </ButtonGroup>
      </Div>
    </Group>
  );
}
