/**
 * @module The token turns one sender run holds, one per channel (token-turn.ts): a token replaced in the office mid-run
 * hands its channel to the new one, and the run ends by releasing them all.
 */
import type { MessageChannel } from '../../server/mailing/outbox-claim.ts';
import type { TokenTurn } from './token-turn.ts';

/** The token turns this run holds, one per channel: a token replaced mid-run hands its channel to the new one. */
export class HeldTurns {
  private readonly held = new Map<MessageChannel, TokenTurn>();

  async use(channel: MessageChannel, turn: TokenTurn): Promise<void> {
    const before = this.held.get(channel);
    if (before === turn) return;
    // The old token's lease is released: calls still waiting on its gate see it gone and put their rows back.
    if (before) await before.stop();
    this.held.set(channel, turn);
    await turn.start();
  }

  async drop(channel: MessageChannel): Promise<void> {
    const before = this.held.get(channel);
    this.held.delete(channel);
    if (before) await before.stop();
  }

  async stopAll(): Promise<void> {
    for (const channel of [...this.held.keys()]) await this.drop(channel);
  }
}
