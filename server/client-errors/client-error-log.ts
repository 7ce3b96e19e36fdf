/**
 * @module The bounded log of client error reports. Whatever arrives, each minute writes at most `bytesPerMinute` of
 * report lines plus one summary line: the same error (message and screen) is written once a minute and counted after
 * that (sampling by fingerprint), long fields are cut, and reports past the minute's budget are only counted.
 */

export interface ClientErrorReport {
  message: string;
  stack?: string;
  screen?: string;
  url?: string;
}

export interface ClientErrorLogOptions {
  /** Report bytes written per minute at most (default 32 KB: under 50 MB a day whatever clients send). */
  bytesPerMinute?: number;
  /** Where lines go (default `console.warn`). */
  write?: (line: string) => void;
}

/** What one log line keeps of each field: enough to find the bug, not a copy of whatever was sent. */
const FIELD_CHARS = { message: 500, stack: 2000, screen: 100, url: 500 } as const;
const MINUTE = 60_000;

const cut = (s: string | undefined, n: number) => (s === undefined || s.length <= n ? s : `${s.slice(0, n)}…`);

export class ClientErrorLog {
  private readonly bytesPerMinute: number;
  private readonly write: (line: string) => void;
  private minute = Number.NEGATIVE_INFINITY;
  private bytes = 0;
  private seen = new Set<string>();
  private duplicates = 0;
  private overBudget = 0;

  constructor(options: ClientErrorLogOptions = {}) {
    this.bytesPerMinute = options.bytesPerMinute ?? 32 * 1024;
    this.write = options.write ?? ((line) => console.warn(line));
  }

  /** Logs a report or counts it; returns what happened to it. */
  record(report: ClientErrorReport, user: string | undefined, now: number): 'logged' | 'duplicate' | 'over_budget' {
    this.roll(now);
    const fingerprint = `${report.screen ?? ''}\u0000${report.message.slice(0, 200)}`;
    if (this.seen.has(fingerprint)) {
      this.duplicates++;
      return 'duplicate';
    }
    const line = JSON.stringify({
      kind: 'client_error',
      user,
      message: cut(report.message, FIELD_CHARS.message),
      stack: cut(report.stack, FIELD_CHARS.stack),
      screen: cut(report.screen, FIELD_CHARS.screen),
      url: cut(report.url, FIELD_CHARS.url),
    });
    if (this.bytes + line.length > this.bytesPerMinute) {
      this.overBudget++;
      return 'over_budget';
    }
    this.seen.add(fingerprint);
    this.bytes += line.length;
    this.write(line);
    return 'logged';
  }

  /** A new minute: the last one's counts become one summary line (only when something was left out). */
  private roll(now: number): void {
    const minute = Math.floor(now / MINUTE);
    if (minute === this.minute) return;
    if (this.duplicates > 0 || this.overBudget > 0) {
      this.write(
        JSON.stringify({
          kind: 'client_error_summary',
          minuteStart: new Date(this.minute * MINUTE).toISOString(),
          duplicates: this.duplicates,
          overBudget: this.overBudget,
        }),
      );
    }
    this.minute = minute;
    this.bytes = 0;
    this.seen = new Set();
    this.duplicates = 0;
    this.overBudget = 0;
  }
}
