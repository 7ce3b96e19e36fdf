/** The mini app's telemetry queue: batched, keepalive on hide, with the launch data, ages instead of clock readings. */
import { describe, expect, it } from 'vitest';
import { campaignOfHash, createTelemetry } from './telemetry.ts';

function harness() {
  let now = 1_000_000;
  let hash = '#/';
  let hidden = false;
  let onHide = () => {};
  const sent: {
    url: string;
    init: RequestInit;
    body: { campaignId: number; build: string; events: Record<string, unknown>[] };
  }[] = [];
  const t = createTelemetry({
    baseUrl: 'https://api.example/',
    authorization: 'VK signed-launch',
    build: 'b1',
    now: () => now,
    fetch: async (url, init) => {
      sent.push({ url: String(url), init: init ?? {}, body: JSON.parse(String(init?.body)) });
      return new Response('{}', { status: 202 });
    },
    page: { hash: () => hash, hidden: () => hidden, onHide: (l) => (onHide = l) },
  });
  return {
    t,
    sent,
    advance: (ms: number) => (now += ms),
    go: (h: string) => (hash = h),
    hide: () => {
      hidden = true;
      onHide();
    },
  };
}

describe('mini app telemetry', () => {
  it('item 1: events wait for a campaign, then go as one batch with the launch data and their ages', () => {
    const h = harness();
    h.t.screen('home');
    h.t.flush();
    expect(h.sent).toHaveLength(0); // no campaign yet: nothing to attribute the events to
    expect(h.t.error('too early')).toBe(false);
    h.advance(2_000);
    h.go('#/campaign/12');
    h.t.screen('campaign');
    h.t.screen('campaign'); // the same panel again is not a new view
    h.t.screen('admin_campaign'); // office panels are not participant use
    h.advance(1_000);
    expect(h.t.error('boom')).toBe(true);
    h.advance(500);
    h.t.flush();
    expect(h.sent).toHaveLength(0); // only looked at, not joined yet: the server would refuse it (409), so it waits
    h.t.joined(12);
    h.t.flush();
    expect(h.sent).toHaveLength(1);
    const [first] = h.sent;
    expect(first?.url).toBe('https://api.example/api/telemetry');
    expect(new Headers(first?.init.headers).get('Authorization')).toBe('VK signed-launch');
    expect(first?.init.keepalive).toBe(false);
    expect(first?.body).toEqual({
      campaignId: 12,
      build: 'b1',
      events: [
        { kind: 'session_start', ageMs: 3_500 },
        { kind: 'screen_view', screen: 'home', ageMs: 3_500 },
        { kind: 'screen_view', screen: 'campaign', ageMs: 1_500 },
        { kind: 'client_error', screen: 'campaign', message: 'boom', ageMs: 500 },
      ],
    });
    h.t.flush();
    expect(h.sent).toHaveLength(1); // an empty queue sends nothing
  });

  it('item 1: a heartbeat a minute while visible; hiding the app sends the rest with keepalive', () => {
    const h = harness();
    h.go('#/campaign/3/prizes');
    h.t.joined(3);
    h.t.screen('prizes');
    h.t.tick();
    h.advance(60_000);
    h.t.tick();
    expect(h.sent.map((s) => s.body.events.map((e) => e.kind))).toEqual([
      ['session_start', 'screen_view'],
      ['heartbeat'],
    ]);
    h.t.screen('reward');
    h.hide();
    expect(h.sent[2]?.init.keepalive).toBe(true);
    expect(h.sent[2]?.body.events).toEqual([{ kind: 'screen_view', screen: 'reward', ageMs: 0 }]);
    h.advance(60_000);
    h.t.tick();
    expect(h.sent).toHaveLength(3); // hidden: no heartbeat
    expect(campaignOfHash('#/campaign/77/help/3')).toBe(77);
    expect(campaignOfHash('#/admin')).toBeUndefined();
    expect(campaignOfHash('#/admin/campaign/1/stats')).toBeUndefined();
  });

  it('a batch a minute: the first batch and an error go at the next tick, the rest waits for the minute', () => {
    const h = harness();
    h.go('#/campaign/5');
    h.t.joined(5);
    h.t.screen('campaign');
    h.t.tick(); // the session's first batch: at once
    expect(h.sent).toHaveLength(1);
    const kindsAt = (i: number) => h.sent[i]?.body.events.map((e) => e.kind);
    for (const panel of ['tasks', 'quiz', 'wheel']) {
      h.advance(15_000);
      h.t.screen(panel);
      h.t.tick();
    }
    expect(h.sent).toHaveLength(1); // 45 s of screens wait in the queue
    h.advance(14_900); // a timer firing a little early still sends the minute's batch
    h.t.tick();
    expect(h.sent).toHaveLength(2);
    expect(kindsAt(1)).toEqual(['screen_view', 'screen_view', 'screen_view', 'heartbeat']);
    h.advance(15_000);
    h.t.screen('reward');
    h.t.tick();
    expect(h.sent).toHaveLength(2);
    expect(h.t.error('boom')).toBe(true);
    h.advance(15_000);
    h.t.tick(); // an error does not wait for the minute
    expect(kindsAt(2)).toEqual(['screen_view', 'client_error']);
    for (let i = 0; i < 40; i += 1) h.t.screen(`panel-${i}`);
    h.advance(15_000);
    h.t.tick(); // a nearly full queue does not wait either (the server takes 50 events a batch)
    expect(h.sent[3]?.body.events).toHaveLength(40);
  });
});
