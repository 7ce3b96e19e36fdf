/**
 * The sender's terminal bar says what was sent (decision 069's rule, as the office's bar): a run whose messages half
 * failed read a full bar and "5/5" before, beside the right counts ("sent 2 failed 3").
 */
import { describe, expect, it } from 'vitest';
import { progressPrinter } from './progress-bar.ts';
import type { SenderProgress } from './sender-options.ts';

/** What a terminal that is no TTY (a log file, a CI job) receives: whole lines. */
function logFile() {
  const lines: string[] = [];
  const stream = { isTTY: false, write: (s: string) => lines.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { lines, print: progressPrinter(stream) };
}
const run = (p: Partial<SenderProgress>): SenderProgress => ({
  sent: 0,
  failed: 0,
  retried: 0,
  revoked: 0,
  skipped: 0,
  skippedBy: {},
  remaining: 0,
  requests: 1,
  ...p,
});

describe("the sender's progress bar", () => {
  it('half failed, nothing left: the bar is 2 of 5 sent, not full', () => {
    const { lines, print } = logFile();
    print(run({ sent: 2, failed: 3, revoked: 1 }));
    expect(lines[0]).toMatch(/^\[#{12}\.{18}\] 2\/5 sent · failed 3 \(consent lost 1\) left 0 /);
  });

  it('rows closed unsent (consent withdrawn, brand off) count in the total and are shown: 3 of 5, not 3 of 3', () => {
    const { lines, print } = logFile();
    print(run({ sent: 3, skipped: 2 }));
    expect(lines[0]).toMatch(/^\[#{18}\.{12}\] 3\/5 sent · failed 0 \(consent lost 0\) skipped 2 left 0 /);
  });

  it('rows closed unsent say why, the largest first (decision 111): "skipped 5 (stopped 3, consent 2)"', () => {
    const { lines, print } = logFile();
    print(run({ sent: 3, skipped: 5, skippedBy: { consent_revoked: 2, broadcast_cancelled: 3 } }));
    print(
      run({ sent: 1, skipped: 3, skippedBy: { brand_switched_off: 1, moved_on: 1, rule_or_campaign_not_live: 1 } }),
    );
    expect(lines[0]).toMatch(
      /^\[#{11}\.{19}\] 3\/8 sent · failed 0 \(consent lost 0\) skipped 5 \(stopped 3, consent 2\) left 0 /,
    );
    expect(lines[1]).toContain(' skipped 3 (brand off 1, moved on 1, not live 1) left 0 ');
  });

  it('199 of 200 sent: short of a full bar; all sent: full', () => {
    const { lines, print } = logFile();
    print(run({ sent: 199, failed: 1 }));
    print(run({ sent: 200 }));
    expect(lines[0]).toMatch(/^\[#{29}\.\] 199\/200 sent/);
    expect(lines[1]).toMatch(/^\[#{30}\] 200\/200 sent/);
  });

  it('while sending: the share sent of all, what is left counted in', () => {
    const { lines, print } = logFile();
    print(run({ sent: 0, remaining: 10 }));
    print(run({ sent: 5, remaining: 5 }));
    expect(lines).toHaveLength(1); // a log file gets a line every few seconds, and the last one
    expect(lines[0]).toMatch(/^\[\.{30}\] 0\/10 sent · failed 0 \(consent lost 0\) left 10 /);
  });
});
