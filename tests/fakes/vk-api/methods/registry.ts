/** @module The methods the fake VK API knows; anything else is error 3 "Unknown method passed". */
import type { MethodHandler } from './context.ts';
import { groupsGetById, groupsGetLongPollServer, groupsIsMember, groupsSetLongPollSettings } from './groups.ts';
import { messagesIsMessagesFromGroupAllowed, messagesSendMessageEventAnswer } from './messages-consent.ts';
import { messagesSend } from './messages-send.ts';
import { appsIsNotificationsAllowed, notificationsSendMessage } from './notifications.ts';
import { usersGet } from './users.ts';

export const METHODS: ReadonlyMap<string, MethodHandler> = new Map<string, MethodHandler>([
  ['messages.send', messagesSend],
  ['messages.isMessagesFromGroupAllowed', messagesIsMessagesFromGroupAllowed],
  ['messages.sendMessageEventAnswer', messagesSendMessageEventAnswer],
  ['groups.isMember', groupsIsMember],
  ['groups.getById', groupsGetById],
  ['groups.getLongPollServer', groupsGetLongPollServer],
  ['groups.setLongPollSettings', groupsSetLongPollSettings],
  ['apps.isNotificationsAllowed', appsIsNotificationsAllowed],
  ['notifications.sendMessage', notificationsSendMessage],
  ['users.get', usersGet],
]);
