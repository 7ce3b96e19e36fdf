/**
 * @module Reads a Chromium performance trace of one visit (first-screen-profile.ts) into where the time went before
 * the first screen: the main thread's busy time by kind (HTML, script compile, script run, style, layout, paint,
 * GC), and each request's start and end — all relative to the navigation's start, up to the `first-screen` mark.
 */

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

export interface VisitBreakdown {
  /** navigation start → the first screen's marker, ms. */
  firstScreen: number;
  /** Busy main-thread time before the marker, ms, by kind (self time, nested events not counted twice). */
  mainThread: Record<string, number>;
  /** Main-thread time with no task running before the marker (waiting for the network), ms. */
  idle: number;
  requests: Array<{ url: string; start: number; end: number; bytes: number; fromCache: boolean }>;
  /** The event names with the most self time, for a closer look. */
  topNames: string[];
  /**
   * Each script V8 compiled for the page: whether it was streamed (compiled off the main thread while it arrived)
   * and how many bytes of V8's code cache it was compiled from (0: compiled from source).
   */
  scripts: Array<{ url: string; compileMs: number; streamed: boolean; consumedCache: number }>;
  /**
   * Code caches the page's process wrote during the trace (`v8.produce(Module)Cache`; they name no script). Chromium
   * writes a script's code cache on its second load and compiles from it from the third on: a bench's warm visit
   * (the second) produces on both sides and consumes on neither.
   */
  codeCachesProduced: number;
}

const KINDS: Array<[RegExp, string]> = [
  [
    /^ParseHTML$|DocumentLoader|HTMLDocumentParser|DecodedDataDocumentParser|LocalWindowProxy|ContextCreated/,
    'document',
  ],
  [
    /Compile|compile|Parse(Function|Program)|PreParse|CollectSourcePositions|FlushInstructionCache|parseOnBackground/,
    'compile',
  ],
  [
    /^(EvaluateScript|v8\.evaluateModule|FunctionCall|v8\.run|V8\.Execute|TimerFire|EventDispatch|RunMicrotasks|v8\.callFunction|FireAnimationFrame|XHRReadyStateChange)$/,
    'script',
  ],
  [/^(UpdateLayoutTree|ParseAuthorStyleSheet|RecalculateStyles|ScheduleStyleRecalculation)$/, 'style'],
  [/^(Layout|UpdateLayout)$/, 'layout'],
  [/^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|PaintImage)$/, 'paint'],
  [/GC|GarbageCollection/, 'gc'],
];

function kindOf(name: string): string {
  for (const [re, kind] of KINDS) if (re.test(name)) return kind;
  return 'other';
}

export function readTrace(events: TraceEvent[], pageUrl: string): VisitBreakdown {
  // The mark carries its time since the navigation's start, and it was set on the page's main thread.
  const mark = events.find((e) => e.name === 'first-screen' && e.cat.includes('user_timing'));
  const sinceStart = Number(mark?.args?.data?.startTime);
  if (!mark || !Number.isFinite(sinceStart)) throw new Error('trace has no first-screen mark');
  const main = { pid: mark.pid, tid: mark.tid };
  const origin = new URL(pageUrl).origin;
  const t1 = mark.ts;
  const t0 = t1 - sinceStart * 1000;
  const ms = (us: number) => Math.round(us / 100) / 10;

  // Self time of each complete event on the main thread, clipped to [t0, t1].
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const clip = (from: number, to: number) => Math.max(0, Math.min(to, t1) - Math.max(from, t0));
  const byKind: Record<string, number> = {};
  const byName: Record<string, number> = {};
  const stack: Array<{ e: TraceEvent; end: number; kind: string }> = [];
  let tasks = 0;
  const charge = (kind: string, from: number, to: number, name: string) => {
    byKind[kind] = (byKind[kind] ?? 0) + clip(from, to);
    byName[name] = (byName[name] ?? 0) + clip(from, to);
  };
  // Walk in time order; each event's span is charged to itself minus its children (charged to them).
  const cursor: number[] = [];
  for (const e of own) {
    const end = e.ts + (e.dur ?? 0);
    while (stack.length && (stack.at(-1) as { end: number }).end <= e.ts) {
      const done = stack.pop() as { e: TraceEvent; end: number; kind: string };
      charge(done.kind, cursor.pop() as number, done.end, done.e.name);
      if (cursor.length) cursor[cursor.length - 1] = done.end;
    }
    const parent = stack.at(-1);
    if (parent) {
      charge(parent.kind, cursor[cursor.length - 1] as number, e.ts, parent.e.name);
    } else if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') {
      tasks += clip(e.ts, end);
    }
    const kind = kindOf(e.name);
    stack.push({ e, end, kind: kind === 'other' && parent ? parent.kind : kind });
    cursor.push(e.ts);
  }
  while (stack.length) {
    const done = stack.pop() as { e: TraceEvent; end: number; kind: string };
    charge(done.kind, cursor.pop() as number, done.end, done.e.name);
    if (cursor.length) cursor[cursor.length - 1] = done.end;
  }
  const mainThreadMs: Record<string, number> = {};
  for (const [k, v] of Object.entries(byKind)) if (v > 0) mainThreadMs[k] = ms(v);

  const sent = new Map<string, { url: string; start: number }>();
  const requests: VisitBreakdown['requests'] = [];
  for (const e of events) {
    const d = e.args?.data;
    if (!d) continue;
    if (e.name === 'ResourceSendRequest' && String(d.url).startsWith(origin))
      sent.set(String(d.requestId), { url: String(d.url), start: e.ts });
    if (e.name === 'ResourceFinish') {
      const s = sent.get(String(d.requestId));
      if (!s) continue;
      const finish = typeof d.finishTime === 'number' && d.finishTime > 0 ? d.finishTime * 1e6 : e.ts;
      requests.push({
        url: s.url.replace(origin, '').replace(/\?.*$/, '?…').replace(/#.*$/, ''),
        start: ms(s.start - t0),
        end: ms(finish - t0),
        bytes: Number(d.encodedDataLength ?? 0),
        fromCache: false,
      });
    }
    if (e.name === 'ResourceReceiveResponse' && d.fromCache) {
      const s = sent.get(String(d.requestId));
      if (s)
        requests.push({
          url: s.url.replace(origin, ''),
          start: ms(s.start - t0),
          end: ms(e.ts - t0),
          bytes: 0,
          fromCache: true,
        });
    }
  }
  const scripts = new Map<string, VisitBreakdown['scripts'][number]>();
  for (const e of events) {
    const d = e.args?.data ?? (e.args as Record<string, unknown> | undefined);
    const url = typeof d?.url === 'string' ? d.url : typeof d?.fileName === 'string' ? d.fileName : '';
    if (!url.startsWith(origin) || e.ts > t1) continue;
    const key = url.replace(origin, '').replace(/\?.*$/, '');
    const s = scripts.get(key) ?? { url: key, compileMs: 0, streamed: false, consumedCache: 0 };
    if (/^v8\.compile(Module)?$/.test(e.name)) {
      s.compileMs += (e.dur ?? 0) / 1000;
      if (d?.streamed === true) s.streamed = true;
      s.consumedCache += Number(d?.consumedCacheSize ?? 0);
    } else continue;
    scripts.set(key, s);
  }
  const topNames = Object.entries(byName)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([n, v]) => `${n} ${ms(v)}`);
  return {
    firstScreen: ms(t1 - t0),
    mainThread: mainThreadMs,
    idle: ms(t1 - t0 - tasks),
    requests,
    topNames,
    scripts: [...scripts.values()],
    codeCachesProduced: events.filter((e) => e.pid === main.pid && /^v8\.produce(Module)?Cache$/.test(e.name)).length,
  };
}
