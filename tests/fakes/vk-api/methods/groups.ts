/**
 * @module Community methods the bot and the server use: membership checks (`groups.isMember`),
 * `groups.getById` (what vk-io's `updates.start()` calls to find its community), and the Bots Long Poll
 * setup (`groups.getLongPollServer`, `groups.setLongPollSettings`).
 */
import { invalidParam, VkApiError } from '../errors.ts';
import {
  isVersionAtLeast,
  optionalInt,
  optionalIntList,
  optionalString,
  parseGroupRef,
  requireInt,
} from '../params.ts';
import { requireGroupToken } from '../tokens.ts';
import type { MethodContext } from './context.ts';

/** From this API version groups.getById answers `{groups, profiles}` instead of a bare array. */
const GET_BY_ID_OBJECT_SINCE = '5.194';
const MAX_MEMBER_CHECKS = 500;

export function groupsIsMember({ params, state }: MethodContext): 0 | 1 | Array<{ user_id: number; member: 0 | 1 }> {
  const groupId = readGroupId(params.group_id);
  const userIds = optionalIntList(params, 'user_ids', MAX_MEMBER_CHECKS);
  if (userIds !== undefined) {
    return userIds.map((userId) => ({ user_id: userId, member: state.isMember(groupId, userId) ? 1 : 0 }));
  }
  const userId = optionalInt(params, 'user_id');
  if (userId === undefined) throw invalidParam('user_id is undefined');
  return state.isMember(groupId, userId) ? 1 : 0;
}

interface FakeGroup {
  id: number;
  name: string;
  screen_name: string;
  is_closed: 0;
  type: 'group';
  photo_50: string;
  photo_100: string;
  photo_200: string;
}

export function groupsGetById({
  params,
  identity,
  apiVersion,
}: MethodContext): FakeGroup[] | { groups: FakeGroup[]; profiles: [] } {
  const refs = [optionalString(params, 'group_ids'), optionalString(params, 'group_id')]
    .filter((value): value is string => value !== undefined)
    .flatMap((value) => value.split(','));
  const ids = refs.map((ref) => parseGroupRef(ref) ?? throwInvalidGroup());
  if (ids.length === 0) {
    if (identity.kind !== 'group') throw invalidParam('group_ids is undefined');
    ids.push(identity.groupId);
  }
  const groups = ids.map(describeGroup);
  return isVersionAtLeast(apiVersion, GET_BY_ID_OBJECT_SINCE) ? { groups, profiles: [] } : groups;
}

export function groupsGetLongPollServer(context: MethodContext): { key: string; server: string; ts: string } {
  const groupId = requireOwnGroup(context, 'groups.getLongPollServer');
  return context.longPoll.issueServer(groupId, context.origin);
}

export function groupsSetLongPollSettings(context: MethodContext): 1 {
  const groupId = requireOwnGroup(context, 'groups.setLongPollSettings');
  const { access_token: _token, ...settings } = context.params;
  context.state.longPollSettings.set(groupId, { ...context.state.longPollSettings.get(groupId), ...settings });
  return 1;
}

/** `group_id` must name the token's own community (a community token cannot manage another one). */
function requireOwnGroup(context: MethodContext, method: string): number {
  const tokenGroupId = requireGroupToken(context.identity, method);
  const groupId = requireInt(context.params, 'group_id');
  if (groupId !== tokenGroupId) throw new VkApiError(15, `no access to community ${groupId}`);
  return groupId;
}

function readGroupId(raw: string | undefined): number {
  if (raw === undefined || raw === '') throw invalidParam('group_id is undefined');
  return parseGroupRef(raw) ?? throwInvalidGroup();
}

function throwInvalidGroup(): never {
  throw new VkApiError(125);
}

function describeGroup(id: number): FakeGroup {
  const photo = `https://vk.com/images/community_${id}.png`;
  return {
    id,
    name: `Community ${id}`,
    screen_name: `club${id}`,
    is_closed: 0,
    type: 'group',
    photo_50: photo,
    photo_100: photo,
    photo_200: photo,
  };
}
