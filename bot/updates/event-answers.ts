/**
 * @module The answer to a button press (`messages.sendMessageEventAnswer`) goes out with the token of the community
 * the press came from (decision 084): VK takes it only from that community's token. The configured community answers
 * through the bot's own vk-io context, as before; a connected one with the token the agency stored.
 */
import type { API, MessageEventContext } from 'vk-io';
import type { Deps } from '../../server/deps.ts';
import { communityToken } from '../../server/office/agency/agency-secrets.ts';
import { createBotVkApi } from '../vk-client.ts';

export type EventData = Parameters<MessageEventContext['answer']>[0];

/**
 * Clients made per deps (each with its own `VK_API_BASE_URL`), keyed by token; a few, so a replaced token's old one
 * does not stay long — as server/vk/vk-clients.ts keeps the server's.
 */
const clients = new WeakMap<Deps, Map<string, API>>();
const MAX_CLIENTS = 64;

function clientFor(deps: Deps, token: string): API {
  const ofDeps = clients.get(deps) ?? new Map<string, API>();
  clients.set(deps, ofDeps);
  let api = ofDeps.get(token);
  if (!api) {
    const oldest = ofDeps.keys().next();
    if (ofDeps.size >= MAX_CLIENTS && !oldest.done) ofDeps.delete(oldest.value);
    api = createBotVkApi({ token, baseUrl: deps.config.VK_API_BASE_URL, rps: deps.config.VK_GROUP_API_RPS });
    ofDeps.set(token, api);
  }
  return api;
}

/**
 * Answers the press `context` of community `groupId`. A community with no token to answer with (none stored, its
 * brand switched off) gets no answer, logged: VK shows the user no snackbar, the reply itself is in the outbox.
 * @example await answerEvent(deps, 200000888, ctx, { type: 'show_snackbar', text: 'Готово' })
 */
export async function answerEvent(
  deps: Deps,
  groupId: number,
  context: MessageEventContext,
  eventData: EventData,
): Promise<void> {
  const configured = deps.config.VK_GROUP_ID;
  if (configured === undefined || groupId === configured) {
    await context.answer(eventData);
    return;
  }
  const token = await communityToken(deps, groupId);
  if (!token) {
    console.error(`bot: community ${groupId} has no token to answer button press ${context.eventId} with`);
    return;
  }
  await clientFor(deps, token).messages.sendMessageEventAnswer({
    event_id: context.eventId,
    peer_id: context.peerId,
    user_id: context.userId,
    event_data: JSON.stringify(eventData),
  });
}
