/**
 * @module `messages.send` as VK's Bots API behaves for a community token:
 * - one recipient (`peer_id` / `user_id` / `chat_id`) → the message id, or the error thrown;
 * - `peer_ids` (≤ 100) → `[{peer_id, message_id, conversation_message_id} | {peer_id, error}]`, never throwing
 *   for per-peer errors;
 * - `random_id` required from API 5.90; a repeat for the same community+peer within an hour returns the
 *   first message's ids and delivers nothing (`random_id=0` disables the check);
 * - users: blocked → 902, no permission from this community → 901; chats (peer ≥ 2e9) need no consent.
 */
import { invalidParam, VkApiError } from '../errors.ts';
import { isVersionAtLeast, optionalInt, optionalIntList, optionalString } from '../params.ts';
import type { FakeVkState, SentMessageIds } from '../state.ts';
import { requireGroupToken } from '../tokens.ts';
import type { Params, VkKeyboard } from '../types.ts';
import type { MethodContext } from './context.ts';

const CHAT_PEER_OFFSET = 2_000_000_000;
const MAX_PEER_IDS = 100;
const MAX_MESSAGE_LENGTH = 9000;
const RANDOM_ID_REQUIRED_SINCE = '5.90';

/** The message content, shared by every recipient of one call. */
interface OutgoingMessage {
  groupId: number;
  text: string;
  randomId: number;
  /** Canonical decimal random_id used for de-duplication; undefined when there is none (absent or 0). */
  randomIdKey?: string;
  keyboard?: VkKeyboard;
  attachment?: string;
  intent?: string;
  payload?: string;
}

type PeerResult =
  | { peer_id: number; message_id: number; conversation_message_id: number }
  | { peer_id: number; error: { code: number; description: string } };

export function messagesSend(context: MethodContext): number | PeerResult[] {
  const { params, state } = context;
  const groupId = requireGroupToken(context.identity, 'messages.send');
  const peerIds = optionalIntList(params, 'peer_ids', MAX_PEER_IDS);
  const singlePeerId = peerIds === undefined ? readSinglePeer(params) : undefined;
  const message = readOutgoingMessage(params, groupId, context.apiVersion);

  if (singlePeerId !== undefined) return sendToPeer(state, message, singlePeerId).messageId;
  return (peerIds ?? []).map((peerId): PeerResult => {
    try {
      const ids = sendToPeer(state, message, peerId);
      return { peer_id: peerId, message_id: ids.messageId, conversation_message_id: ids.conversationMessageId };
    } catch (error) {
      if (!(error instanceof VkApiError)) throw error;
      state.countError(error.code);
      return { peer_id: peerId, error: { code: error.code, description: error.message } };
    }
  });
}

function readSinglePeer(params: Params): number {
  const peerId = optionalInt(params, 'peer_id') ?? optionalInt(params, 'user_id');
  if (peerId !== undefined) return peerId;
  const chatId = optionalInt(params, 'chat_id');
  if (chatId !== undefined) return CHAT_PEER_OFFSET + chatId;
  throw invalidParam('peer_id is undefined (pass peer_id, user_id, chat_id or peer_ids)');
}

function readOutgoingMessage(params: Params, groupId: number, apiVersion: string): OutgoingMessage {
  const text = optionalString(params, 'message') ?? '';
  const attachment = optionalString(params, 'attachment');
  const hasOtherContent = ['sticker_id', 'forward_messages', 'forward'].some((name) => optionalString(params, name));
  if (text === '' && attachment === undefined && !hasOtherContent) throw invalidParam('message is empty or invalid');
  if (text.length > MAX_MESSAGE_LENGTH) throw new VkApiError(914);

  const rawRandomId = optionalString(params, 'random_id');
  if (rawRandomId === undefined && isVersionAtLeast(apiVersion, RANDOM_ID_REQUIRED_SINCE)) {
    throw invalidParam('random_id is a required parameter');
  }
  if (rawRandomId !== undefined && !/^-?\d+$/.test(rawRandomId.trim())) throw invalidParam('random_id not integer');
  const randomIdKey = rawRandomId === undefined ? undefined : BigInt(rawRandomId.trim()).toString();

  const rawKeyboard = optionalString(params, 'keyboard');
  return {
    groupId,
    text,
    randomId: randomIdKey === undefined ? 0 : Number(randomIdKey),
    randomIdKey: randomIdKey === '0' ? undefined : randomIdKey,
    keyboard: rawKeyboard === undefined ? undefined : parseKeyboard(rawKeyboard),
    attachment,
    intent: optionalString(params, 'intent'),
    payload: optionalString(params, 'payload'),
  };
}

/** VK rejects a keyboard that is not JSON with a `buttons` array of rows with error 911. */
function parseKeyboard(raw: string): VkKeyboard {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new VkApiError(911);
  }
  if (typeof parsed !== 'object' || parsed === null || !('buttons' in parsed)) throw new VkApiError(911);
  const { buttons } = parsed;
  if (!Array.isArray(buttons) || !buttons.every((row) => Array.isArray(row))) throw new VkApiError(911);
  return parsed as VkKeyboard;
}

function sendToPeer(state: FakeVkState, message: OutgoingMessage, peerId: number): SentMessageIds {
  if (peerId <= 0) throw invalidParam('peer_id is invalid');
  const dedupeKey =
    message.randomIdKey === undefined ? undefined : `${message.groupId}:${peerId}:${message.randomIdKey}`;
  const earlier = dedupeKey === undefined ? undefined : state.sentMessageRandomIds.recall(dedupeKey);
  if (earlier) return earlier;

  if (peerId < CHAT_PEER_OFFSET) {
    if (state.isBlocked(peerId)) throw new VkApiError(902);
    if (!state.areMessagesAllowed(message.groupId, peerId)) throw new VkApiError(901);
  }
  const ids = state.nextMessageIds(message.groupId, peerId);
  state.delivered.push({
    ...ids,
    groupId: message.groupId,
    peerId,
    text: message.text,
    randomId: message.randomId,
    at: state.clock(),
    ...(message.keyboard && { keyboard: message.keyboard }),
    ...(message.attachment && { attachment: message.attachment }),
    ...(message.intent && { intent: message.intent }),
    ...(message.payload && { payload: message.payload }),
  });
  if (dedupeKey !== undefined) state.sentMessageRandomIds.remember(dedupeKey, ids);
  return ids;
}
