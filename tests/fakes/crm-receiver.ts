/**
 * A brand's CRM for webhook tests, on 127.0.0.1: it checks each request's HMAC signature, de-duplicates by
 * Idempotency-Key, and answers by a script per call (`ok`, `fail` with 500, `hang` past the sender's timeout, or
 * `late`: it accepts the lead, then answers only after the timeout, so the sender retries a lead the CRM already has).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour = 'ok' | 'fail' | 'hang' | 'late';

export interface ReceivedCall {
  key: string;
  validSignature: boolean;
  body: Record<string, unknown>;
  answered: Behaviour;
  at: number;
}

export interface CrmReceiver {
  url: string;
  calls: ReceivedCall[];
  /** Leads the CRM keeps: one per Idempotency-Key, however often it came. */
  accepted: Map<string, Record<string, unknown>>;
  /** The behaviour for the next call of a key (default `ok`), consumed in order. */
  script(key: string | '*', ...behaviours: Behaviour[]): void;
  close(): Promise<void>;
}

export async function startCrmReceiver(secret: string, lateMs = 1500): Promise<CrmReceiver> {
  const calls: ReceivedCall[] = [];
  const accepted = new Map<string, Record<string, unknown>>();
  const scripts = new Map<string, Behaviour[]>();
  const open = new Set<ServerResponse>();
  const next = (key: string): Behaviour => scripts.get(key)?.shift() ?? scripts.get('*')?.shift() ?? 'ok';
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c) => {
        data += c;
      });
      req.on('end', () => resolve(data));
    });
  const server = createServer(async (req, res) => {
    const raw = await read(req);
    const key = String(req.headers['idempotency-key'] ?? '');
    const timestamp = String(req.headers['x-webhook-timestamp'] ?? '');
    const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`;
    const given = String(req.headers['x-webhook-signature'] ?? '');
    const validSignature =
      given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    const behaviour = next(key);
    const body = JSON.parse(raw) as Record<string, unknown>;
    calls.push({ key, validSignature, body, answered: behaviour, at: Date.now() });
    const accept = () => {
      if (validSignature && !accepted.has(key)) accepted.set(key, body);
    };
    if (behaviour === 'fail') {
      res.writeHead(500).end('CRM is down');
    } else if (behaviour === 'hang') {
      open.add(res);
    } else if (behaviour === 'late') {
      accept();
      open.add(res);
      setTimeout(() => {
        open.delete(res);
        res.writeHead(200).end('{}');
      }, lateMs).unref();
    } else {
      accept();
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/leads`,
    calls,
    accepted,
    script: (key, ...behaviours) => scripts.set(key, [...(scripts.get(key) ?? []), ...behaviours]),
    close: () =>
      new Promise<void>((r) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
