/**
 * @module Channels whose token VK refused (vk-errors.ts `tokenRefusal`: regenerated, revoked, quota spent), and until
 * when: the same token waits out its pause, its rows queued; a token replaced in the office goes at once.
 */
import type { MessageChannel } from '../../server/mailing/outbox-claim.ts';
import type { SenderChannel } from './sender-channel.ts';

export class RefusedTokens {
  private readonly until = new Map<MessageChannel, { ch: SenderChannel; until: number }>();

  /** Pauses `channel` while it sends with `ch`; said once per token, not once per refused call. */
  pause(channel: MessageChannel, ch: SenderChannel, untilMs: number, reason: string): void {
    if (this.until.get(channel)?.ch !== ch) {
      console.error(`sender: VK refused the ${channel} token (${reason}); its rows stay queued, sending paused`);
    }
    this.until.set(channel, { ch, until: untilMs });
  }

  /** Whether `channel`, sending with `ch`, is paused at `now`. */
  paused(channel: MessageChannel, ch: SenderChannel, now: number): boolean {
    const pause = this.until.get(channel);
    return pause?.ch === ch && now < pause.until;
  }
}
