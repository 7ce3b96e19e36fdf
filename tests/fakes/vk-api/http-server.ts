/**
 * @module The loopback HTTP face of the fake: `GET|POST /method/<name>` with params in the query and/or an
 * `application/x-www-form-urlencoded` body (what vk-io's node-fetch sends), always answered with HTTP 200
 * JSON like api.vk.com; `GET /lp/<groupId>?act=a_check&...` for Bots Long Poll; 404 for anything else.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AnswerHolds } from './answer-holds.ts';
import type { ApiDispatcher } from './dispatcher.ts';
import type { LongPollHub } from './long-poll.ts';
import type { Params } from './types.ts';

const METHOD_PATH = /^\/method\/([\w.]+)$/;
const LONG_POLL_PATH = /^\/lp\/(\d+)$/;

export interface FakeVkHttpServer {
  server: Server;
  /** Resolves once every long-poll answer in flight has been fully written (call after waking them on close). */
  longPollsFlushed(): Promise<void>;
}

export function createFakeVkHttpServer(
  dispatcher: ApiDispatcher,
  longPoll: LongPollHub,
  holds: AnswerHolds,
): FakeVkHttpServer {
  const longPollsInFlight = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/lp/')) {
      const finished = new Promise<void>((resolve) => response.once('close', resolve));
      longPollsInFlight.add(finished);
      void finished.then(() => longPollsInFlight.delete(finished));
    }
    route(dispatcher, longPoll, holds, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  return { server, longPollsFlushed: async () => void (await Promise.all(longPollsInFlight)) };
}

async function route(
  dispatcher: ApiDispatcher,
  longPoll: LongPollHub,
  holds: AnswerHolds,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const methodMatch = METHOD_PATH.exec(url.pathname);
  if (methodMatch?.[1] !== undefined && (request.method === 'GET' || request.method === 'POST')) {
    const params: Params = { ...Object.fromEntries(url.searchParams), ...(await readFormBody(request)) };
    const answer = dispatcher.handleRequest(methodMatch[1], params);
    // Handled now, answered when the test lets it go (answer-holds.ts).
    await holds.take(methodMatch[1], params);
    sendJson(response, answer);
    return;
  }
  const longPollMatch = LONG_POLL_PATH.exec(url.pathname);
  if (longPollMatch?.[1] !== undefined && request.method === 'GET') {
    const query = url.searchParams;
    if (query.get('act') !== 'a_check') {
      sendJson(response, { failed: 2 });
      return;
    }
    const answer = await longPoll.check(
      Number(longPollMatch[1]),
      query.get('key') ?? '',
      query.get('ts') ?? '',
      Number(query.get('wait') ?? '0') || 0,
    );
    sendJson(response, answer);
    return;
  }
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('not found');
}

/** Reads a urlencoded body; other content types (multipart uploads) are not supported and read as empty. */
async function readFormBody(request: IncomingMessage): Promise<Params> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const contentType = request.headers['content-type'] ?? '';
  if (chunks.length === 0 || !contentType.startsWith('application/x-www-form-urlencoded')) return {};
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

function sendJson(response: ServerResponse, body: object): void {
  const text = JSON.stringify(body);
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
