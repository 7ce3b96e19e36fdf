/**
 * @module Community-messaging methods around messages.send: the consent check
 * (`messages.isMessagesFromGroupAllowed`) and the answer to a callback-button press
 * (`messages.sendMessageEventAnswer`, recorded in `eventAnswers`).
 */
import { invalidParam, VkApiError } from '../errors.ts';
import { optionalString, requireInt, requireString } from '../params.ts';
import { requireGroupToken } from '../tokens.ts';
import type { MethodContext } from './context.ts';

/** A community token answers only for its own community, as VK's does (error 15 for another one). */
export function messagesIsMessagesFromGroupAllowed({ params, state, identity }: MethodContext): { is_allowed: 0 | 1 } {
  const groupId = requireInt(params, 'group_id');
  if (groupId <= 0) throw new VkApiError(125);
  if (identity.kind === 'group' && identity.groupId !== groupId) {
    throw new VkApiError(15, `no access to community ${groupId}`);
  }
  const userId = requireInt(params, 'user_id');
  return { is_allowed: state.areMessagesAllowed(groupId, userId) ? 1 : 0 };
}

export function messagesSendMessageEventAnswer(context: MethodContext): 1 {
  const { params, state } = context;
  const groupId = requireGroupToken(context.identity, 'messages.sendMessageEventAnswer');
  const eventId = requireString(params, 'event_id');
  const userId = requireInt(params, 'user_id');
  const peerId = requireInt(params, 'peer_id');
  const rawEventData = optionalString(params, 'event_data');
  let eventData: unknown;
  if (rawEventData !== undefined) {
    try {
      eventData = JSON.parse(rawEventData);
    } catch {
      throw invalidParam('event_data is not valid JSON');
    }
  }
  state.eventAnswers.push({
    groupId,
    eventId,
    userId,
    peerId,
    ...(eventData !== undefined && { eventData }),
    at: state.clock(),
  });
  return 1;
}
