/**
 * @module What the bot process does every minute besides sending: evaluate funnel rules, enqueue due broadcasts and
 * re-handle journaled VK updates whose handler crashed (server/vk/event-journal.ts).
 * Message rows get an `open_app` button to the rule's screen; notifications carry it as `fragment`
 * (server/mailing/open-app-button.ts, shared with the mailing routes' send-now).
 */
import type { Deps } from '../server/deps.ts';
import { dueBroadcasts, enqueueBroadcast } from '../server/mailing/broadcast.service.ts';
import { broadcastKeyboard, ruleDecorator } from '../server/mailing/open-app-button.ts';
import { closeTokenlessDue } from '../server/mailing/outbox-no-token.ts';
import { evaluateAllRules } from '../server/mailing/rule-evaluation.ts';
import { botFor } from './bot.ts';

const MINUTE = 60_000;

/**
 * One pass: rules, then broadcasts that are due, then what of them (and anything else due) cannot leave because its
 * community has no token: closed as `no_community_token` (decision 078), not queued for ever.
 */
export async function runSchedulesOnce(deps: Deps): Promise<{ rules: number; broadcasts: number }> {
  const now = deps.now();
  const results = await evaluateAllRules(deps.db, now, ruleDecorator(deps));
  let broadcasts = 0;
  for (const b of await dueBroadcasts(deps.db, now)) {
    broadcasts += await enqueueBroadcast(deps.db, b, now, broadcastKeyboard(deps, b));
  }
  await closeTokenlessDue(deps, now);
  return { rules: results.reduce((n, r) => n + r.queued, 0), broadcasts };
}

export async function runSchedules(deps: Deps, o: { once: boolean; signal: AbortSignal }): Promise<void> {
  for (;;) {
    try {
      await runSchedulesOnce(deps);
    } catch (err) {
      console.error('bot: schedule pass failed', err);
    }
    // Updates whose handler crashed (in this process or in the server) are handled again.
    await botFor(deps)
      .recover()
      .catch((err) => console.error('bot: recovery pass failed', err));
    if (o.once || o.signal.aborted) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, MINUTE);
      o.signal.addEventListener('abort', () => {
        clearTimeout(t);
        resolve();
      });
    });
    if (o.signal.aborted) return;
  }
}
