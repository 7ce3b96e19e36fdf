/**
 * @module The right to send with one VK token, shared by every sender process on the database: a lease
 * (server/leases) per token, and while this process holds it, the token's `RateGate`. VK's 20 requests/second are
 * per token, not per process, so only the holder sends; the others wait and take over when it dies (one lease later)
 * or stops (at once). A gate is kept across this process's own consecutive tenures (nobody sent in between); after
 * another holder it starts cold, because that holder may have used the token's current second.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../server/db/client.ts';
import { Lease, type Tenure } from '../../server/leases/lease.ts';
import { RateGate } from './rate-gate.ts';

/** How long a new holder waits before its first call after another holder: VK's window, as the gate measures it. */
export const HANDOVER_COLD_START_MS = 1010;

export interface TokenTurnOptions {
  db: Db;
  /** The token and the API address it is used at (the fake's and VK's are two budgets). */
  token: string;
  baseUrl: string;
  rps: number;
  leaseMs: number;
  /** Cold start of the first gate when nobody ever held this lease (a previous process may still have). */
  coldStartMs: number;
}

/** The lease's name for a token at an API address (hashed: the token is a secret, the table is not). */
export function tokenLeaseName(baseUrl: string, token: string): string {
  return `vk_token:${createHash('sha256').update(`${baseUrl} ${token}`).digest('hex').slice(0, 16)}`;
}

export class TokenTurn {
  readonly lease: Lease;
  private gateNow: RateGate | undefined;
  private gateFence = 0;
  private users = 0;
  /** Told when this process starts or stops sending with the token. */
  log: ((line: string) => void) | undefined;

  constructor(private readonly o: TokenTurnOptions) {
    this.lease = new Lease({
      db: o.db,
      name: tokenLeaseName(o.baseUrl, o.token),
      leaseMs: o.leaseMs,
      onChange: (t) =>
        this.log?.(
          t
            ? `sender: sending with the token (lease fence ${t.fence})`
            : 'sender: not sending with the token (lease not held)',
        ),
    });
  }

  /** Joins the keeper of the lease (started by the first user) and waits for its first attempt. */
  async start(): Promise<void> {
    this.users += 1;
    if (this.users === 1) this.lease.start();
    // A failed first attempt (e.g. the database busy) is not the run's failure: the keeper logs it and tries again.
    await this.lease.step().catch(() => undefined);
  }

  /** Leaves; the last user stops the keeper and releases the lease for the other processes. */
  async stop(): Promise<void> {
    this.users -= 1;
    if (this.users === 0) await this.lease.stop();
  }

  /** The gate to send through when this process holds the token's lease now; undefined when it must not send. */
  gate(): RateGate | undefined {
    const tenure = this.lease.current();
    if (!tenure) return undefined;
    if (tenure.fence !== this.gateFence) this.newTenure(tenure);
    return this.gateNow;
  }

  /** Whether a call may go out through `gate` now: the lease still held in the tenure the gate belongs to. */
  holds(gate: RateGate): boolean {
    return this.gate() === gate;
  }

  private newTenure(tenure: Tenure): void {
    const continued = this.gateNow !== undefined && tenure.previousFence === this.gateFence;
    if (!continued) {
      const cold =
        tenure.previousFence === 0 ? this.o.coldStartMs : Math.max(this.o.coldStartMs, HANDOVER_COLD_START_MS);
      this.gateNow = new RateGate(this.o.rps, undefined, cold);
    }
    this.gateFence = tenure.fence;
  }
}
