/**
 * @module The shapes of the VK updates the bot handles (Callback API and Bots Long Poll, API 5.199), checked before an
 * update is journaled as work: an `object` VK never sends (a string, a message without `from_id`, a `user_id` that is
 * not a number) is refused at the edge and parked as `failed` with the reason, instead of reaching vk-io, whose
 * contexts assume these fields. The fields are those of VK's documentation and vk-io's context payload types
 * (`IMessageContextPayload`, `IMessageEventContextPayload`, `IMessageSubscriptionContextPayload`,
 * `IGroupMemberContextPayload`); anything else VK adds is kept (loose objects). Types the bot does not handle are not
 * checked: they are journaled and pass through vk-io untouched.
 */
import { z } from 'zod';
import type { UpdateProblem } from '../../server/vk/community-updates.ts';

const userId = z.number().int().positive();

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * `message_new.object` since API 5.103: the message and what the user's client can show. `client_info` is required:
 * vk-io reads an object without it as the pre-5.103 shape (the message itself), which would make this one a message
 * from nobody, silently ignored.
 */
const MessageNew = z.looseObject({
  message: z.looseObject({
    id: z.number().int().nonnegative(),
    date: z.number().int().nonnegative(),
    peer_id: z.number().int(),
    from_id: z.number().int(),
    out: z.number().int().optional(),
    text: z.string().optional(),
    conversation_message_id: z.number().int().nonnegative().optional(),
    // A button's payload is JSON VK passes through; vk-io parses it when it builds the context, and a string that is
    // not JSON threw there on every replay (found from outside): refused here like any other shape VK never sends.
    payload: z.string().refine(isJsonText, 'not JSON').optional(),
  }),
  client_info: z.looseObject({}),
});

/** A callback-button press. */
const MessageEvent = z.looseObject({
  user_id: userId,
  peer_id: z.number().int(),
  event_id: z.string().min(1).max(128),
  conversation_message_id: z.number().int().nonnegative().optional(),
  payload: z.unknown().optional(),
});

/** `key` is what the mini app passed to VKWebAppAllowMessagesFromGroup. */
const MessageAllow = z.looseObject({ user_id: userId, key: z.string().max(256).optional() });
const MessageDeny = z.looseObject({ user_id: userId });
const GroupJoin = z.looseObject({ user_id: userId, join_type: z.string().max(32).optional() });
const GroupLeave = z.looseObject({ user_id: userId, self: z.union([z.literal(0), z.literal(1)]).optional() });

export const HANDLED_UPDATE_SHAPES = {
  message_new: MessageNew,
  message_event: MessageEvent,
  message_allow: MessageAllow,
  message_deny: MessageDeny,
  group_join: GroupJoin,
  group_leave: GroupLeave,
} as const satisfies Record<string, z.ZodType>;

/**
 * Why an update's `object` is not one VK sends for its type; `undefined` when it is, or the type is not ours.
 * @example updateProblem({ type: 'message_new', object: 'garbage' })?.reason // 'invalid message_new: object: …'
 */
export function updateProblem(update: { type: string; object?: unknown }): UpdateProblem | undefined {
  const shape = (HANDLED_UPDATE_SHAPES as Record<string, z.ZodType>)[update.type];
  if (!shape) return undefined;
  const parsed = shape.safeParse(update.object);
  if (parsed.success) return undefined;
  const issues = parsed.error.issues.map((i) => ({ path: ['object', ...i.path].join('.'), message: i.message }));
  const reason = `invalid ${update.type}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
  return { reason: reason.slice(0, 500), issues: issues.slice(0, 20) };
}

/**
 * The user an update of a type the bot handles is about (its shape already checked): a message's sender, the user of
 * a button press, a consent or a membership change. `undefined` for the other types: the bot has no handler for
 * them, so there is nothing of a user's to keep in order.
 * @example updateUserId({ type: 'message_allow', object: { user_id: 42 } }) // 42
 */
export function updateUserId(update: { type: string; object?: unknown }): number | undefined {
  if (!Object.hasOwn(HANDLED_UPDATE_SHAPES, update.type)) return undefined;
  const object = update.object as { message?: { from_id?: unknown }; user_id?: unknown } | undefined;
  const id = update.type === 'message_new' ? object?.message?.from_id : object?.user_id;
  return typeof id === 'number' ? id : undefined;
}
