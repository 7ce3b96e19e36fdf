/**
 * @module `message_new` and `message_event`: commands (start/help, my prizes, my progress with an `open_app` button
 * to the next task), and support — "support" explains, any other text becomes (or continues) a ticket.
 * Answers are queued in the outbox; a callback button is always answered (`sendMessageEventAnswer`) so the
 * client's spinner stops.
 */
import type { MessageContext, MessageEventContext } from 'vk-io';
import type { Deps } from '../../server/deps.ts';
import { taskHash } from '../../server/mailing/deep-link.ts';
import { campaignAppKeyboard, campaignAppTarget } from '../../server/mailing/open-app-button.ts';
import { queueReply } from '../../server/mailing/replies.ts';
import { communityUserLanguage } from '../../server/vk/community-participations.ts';
import { recordSubscriptionByWord } from '../../server/vk/message-subscription.ts';
import { recordSupportMessage } from '../../server/vk/support-message.ts';
import { type BotCommand, mainMenu } from '../keyboards.ts';
import { prizesOf, progressOf } from '../participant-summary.ts';
import { BOT_TEXTS } from '../replies.ts';
import { answerEvent } from './event-answers.ts';
import { supportBody } from './support-body.ts';

const WORDS: Array<[RegExp, BotCommand]> = [
  [/^(\/?start|начать|старт|привет|помощь|help|меню|hello|menu)$/i, 'start'],
  [/^(мои призы|призы|prizes|my prizes)$/i, 'prizes'],
  [/^(мой прогресс|прогресс|progress|my progress)$/i, 'progress'],
  [/^(поддержка|support|помогите|оператор)$/i, 'support'],
  [/^(стоп|stop|отписаться|отписка|unsubscribe)$/i, 'unsubscribe'],
  [/^(подписаться|subscribe)$/i, 'subscribe'],
];

/** Reads a command from a button payload (object or JSON string) or from the text. */
export function commandOf(payload: unknown, text: string | undefined): BotCommand | undefined {
  let p = payload;
  if (typeof p === 'string') {
    try {
      p = JSON.parse(p);
    } catch {
      p = undefined;
    }
  }
  const fromPayload = (p as { command?: unknown } | undefined)?.command;
  if (typeof fromPayload === 'string' && ['start', 'prizes', 'progress', 'support'].includes(fromPayload)) {
    return fromPayload as BotCommand;
  }
  const t = (text ?? '').trim();
  return WORDS.find(([re]) => re.test(t))?.[1];
}

interface Answer {
  text: string;
  keyboard?: string;
}

/** The answer to a command, in the user's language (their participation's `vk_language`, else the default). */
async function answerFor(deps: Deps, groupId: number, userId: number, command: BotCommand): Promise<Answer> {
  const language = await communityUserLanguage(deps.db, groupId, userId);
  const say = BOT_TEXTS[language];
  switch (command) {
    case 'prizes':
      return { text: await prizesOf(deps.db, groupId, userId, language), keyboard: mainMenu(language) };
    case 'progress': {
      const p = await progressOf(deps.db, groupId, userId, deps.now(), language);
      if (!p.next) return { text: p.text, keyboard: mainMenu(language) };
      const hash = taskHash(p.next.campaignId, p.next.taskKey);
      return {
        text: p.text,
        // Into the next task's campaign app, from the community the user wrote to.
        keyboard: campaignAppKeyboard(
          deps,
          say.continueTo(p.next.title),
          { groupId, vkAppId: (await campaignAppTarget(deps.db, p.next.campaignId))?.vkAppId ?? null },
          hash,
        ),
      };
    }
    case 'support':
      return { text: say.supportPrompt, keyboard: mainMenu(language) };
    default:
      return { text: say.help, keyboard: mainMenu(language) };
  }
}

/**
 * Whether `context` is a user writing to the community in private: a group chat the community was added to is people
 * talking to each other, not questions for support, and the bot's answers (written to the sender privately) would be
 * noise — found from outside: every chat line was a ticket.
 */
export function fromUserInPrivate(context: MessageContext): boolean {
  return !(context.isOutbox || context.isGroup || context.isChat || context.senderType !== 'user');
}

/**
 * `at`: when VK delivered the message (its journal time when replayed after a crash). It orders the consent a stop or
 * subscribe word changes, as it orders `message_allow` / `message_deny` (a «стоп» replayed late must not undo an allow
 * delivered after it), and stamps a support message (replayed late, it still stands before the agent's later answer).
 */
export async function onMessageNew(deps: Deps, groupId: number, context: MessageContext, at: number): Promise<void> {
  if (!fromUserInPrivate(context)) return;
  const userId = context.senderId;
  const messageKey = String(context.conversationMessageId ?? context.id);
  const inReplyTo = `msg:${messageKey}`;
  const command = commandOf(context.messagePayload, context.text);
  if (command === 'unsubscribe' || command === 'subscribe') {
    // The stop word withdraws the consent to reminders and mailings (queued ones are closed) with its answer, in one
    // transaction; answers to the user's own messages still reach them (replies need no consent).
    const language = await communityUserLanguage(deps.db, groupId, userId);
    const allowed = command === 'subscribe';
    const say = BOT_TEXTS[language];
    await recordSubscriptionByWord(
      deps.db,
      { vkGroupId: groupId, vkUserId: userId, allowed, at },
      { inReplyTo, text: allowed ? say.subscribed : say.unsubscribed, keyboard: mainMenu(language) },
    );
    return;
  }
  if (command) {
    const answer = await answerFor(deps, groupId, userId, command);
    await queueReply(deps.db, { vkGroupId: groupId, vkUserId: userId, inReplyTo, ...answer }, deps.now());
    return;
  }
  const text = supportBody(context, groupId);
  if (text === undefined) return;
  const say = BOT_TEXTS[await communityUserLanguage(deps.db, groupId, userId)];
  // The ticket and its acknowledgement commit together.
  await recordSupportMessage(
    deps.db,
    { vkGroupId: groupId, vkUserId: userId, text, messageKey, at },
    say.ticketRecorded,
  );
}

export async function onMessageEvent(deps: Deps, groupId: number, context: MessageEventContext): Promise<void> {
  const command = commandOf(context.eventPayload, undefined) ?? 'start';
  let say = BOT_TEXTS.ru;
  try {
    say = BOT_TEXTS[await communityUserLanguage(deps.db, groupId, context.userId)];
    const answer = await answerFor(deps, groupId, context.userId, command);
    await queueReply(
      deps.db,
      { vkGroupId: groupId, vkUserId: context.userId, inReplyTo: `event:${context.eventId}`, ...answer },
      deps.now(),
    );
  } finally {
    // Answered every time, even if building the reply failed (a VK call: outside the transaction).
    await answerEvent(deps, groupId, context, {
      type: 'show_snackbar',
      text: command === 'start' ? say.menuSent : say.done,
    });
  }
}
