/**
 * @module The VK calls the sender makes, and their answers normalised to one outcome per outbox row:
 * `messages.send` with `peer_ids` (identical texts), `execute` with up to 25 personal `messages.send`s, and
 * `notifications.sendMessage` (mini-app notifications, `user_ids` ≤ 100, deep link through `fragment`).
 */
import { type API, APIError, APIRequest } from 'vk-io';
import { fitNotification } from '../../server/mailing/notification-text.ts';
import type { OutboxRow, SendRequest } from '../../server/mailing/outbox-claim.ts';

interface RawAnswer {
  response?: unknown;
  error?: ConstructorParameters<typeof APIError>[0];
  execute_errors?: Array<{ method: string; error_code: number; error_msg: string }>;
}

/**
 * Makes the HTTP call the moment the rate gate opens: vk-io's `APIRequest` (token, version, `apiBaseUrl`, agent from
 * the `API` options) without vk-io's worker queue, whose own timers would shift the pace VK sees away from the pace
 * the gate measured. Errors are ours to classify, so they are thrown as vk-io's `APIError` with VK's code.
 */
async function callNow(api: API, method: string, params: Params): Promise<unknown> {
  const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
  const answer = (await new APIRequest({ api, method, params: clean }).make()) as RawAnswer;
  if (answer.error) throw new APIError(answer.error);
  if (method !== 'execute') return answer.response;
  const errors = (answer.execute_errors ?? []).map((e) => ({ code: e.error_code, message: e.error_msg }));
  return { response: answer.response, errors };
}

export type RowOutcome = { ok: true; messageId?: number } | { ok: false; code?: number; message: string };

type Params = Record<string, string | number | undefined>;

function messageParams(rows: OutboxRow[], groupId: number): Params {
  const first = rows[0] as OutboxRow;
  return {
    group_id: groupId,
    random_id: first.randomId,
    message: first.text,
    keyboard: first.extras.keyboard,
    intent: first.extras.intent,
  };
}

function notificationParams(rows: OutboxRow[]): Params {
  const first = rows[0] as OutboxRow;
  return {
    user_ids: rows.map((r) => r.vkUserId).join(','),
    message: fitNotification(first.text),
    fragment: first.extras.fragment,
    random_id: first.randomId,
    group_id: first.vkGroupId,
  };
}

/** Same encoding vk-io uses for the calls it batches itself (`API.method({...})`). */
function executeCall(method: string, params: Params): string {
  const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
  return `API.${method}(${JSON.stringify(clean)})`;
}

interface PeerResult {
  peer_id?: number;
  user_id?: number;
  message_id?: number;
  status?: boolean;
  error?: { code?: number; error_code?: number; description?: string; error_msg?: string };
}

function fromPeerResults(rows: OutboxRow[], results: unknown): Map<number, RowOutcome> {
  const byUser = new Map<number, RowOutcome>();
  const list = Array.isArray(results) ? (results as PeerResult[]) : [];
  for (const r of list) {
    const user = r.peer_id ?? r.user_id;
    if (user === undefined) continue;
    if (r.error) {
      byUser.set(user, {
        ok: false,
        code: r.error.code ?? r.error.error_code,
        message: r.error.description ?? r.error.error_msg ?? 'error',
      });
    } else if (r.status === false) {
      byUser.set(user, { ok: false, message: 'not delivered' });
    } else {
      byUser.set(user, { ok: true, messageId: r.message_id });
    }
  }
  const out = new Map<number, RowOutcome>();
  for (const row of rows) out.set(row.id, byUser.get(row.vkUserId) ?? { ok: false, message: 'missing in response' });
  return out;
}

/** Sends one request; returns the outcome for each of its rows. Throws only when the whole call failed. */
export async function sendRequest(
  api: API,
  req: SendRequest,
  target: { groupId: number },
): Promise<Map<number, RowOutcome>> {
  const { rows } = req;
  if (req.channel === 'notification') {
    if (req.shape === 'peers') {
      return fromPeerResults(rows, await callNow(api, 'notifications.sendMessage', notificationParams(rows)));
    }
    const code = `return [${rows.map((r) => executeCall('notifications.sendMessage', notificationParams([r]))).join(',')}];`;
    const res = (await callNow(api, 'execute', { code })) as ExecuteResult;
    return fromExecute(rows, res, (value, row) => fromPeerResults([row], value).get(row.id) as RowOutcome);
  }
  if (req.shape === 'peers') {
    const params = { ...messageParams(rows, target.groupId), peer_ids: rows.map((r) => r.vkUserId).join(',') };
    return fromPeerResults(rows, await callNow(api, 'messages.send', params));
  }
  const code = `return [${rows
    .map((r) => executeCall('messages.send', { ...messageParams([r], target.groupId), peer_id: r.vkUserId }))
    .join(',')}];`;
  const res = (await callNow(api, 'execute', { code })) as ExecuteResult;
  return fromExecute(rows, res, (value) => ({ ok: true, messageId: typeof value === 'number' ? value : undefined }));
}

interface ExecuteResult {
  response: unknown[];
  errors: Array<{ code?: number; message: string }>;
}

/** `execute` answers `false` for each failed call and lists the failures, in order, in `execute_errors`. */
function fromExecute(
  rows: OutboxRow[],
  res: ExecuteResult,
  ok: (value: unknown, row: OutboxRow) => RowOutcome,
): Map<number, RowOutcome> {
  const out = new Map<number, RowOutcome>();
  let failure = 0;
  rows.forEach((row, i) => {
    const value = Array.isArray(res.response) ? res.response[i] : undefined;
    if (value === false || value === undefined) {
      const err = res.errors?.[failure];
      failure += 1;
      out.set(row.id, { ok: false, code: err?.code, message: err?.message ?? 'execute call failed' });
    } else {
      out.set(row.id, ok(value, row));
    }
  });
  return out;
}
