/** @module `users.get`: minimal user objects for numeric ids (names are "User <id>"), as the bot needs them. */
import { VkApiError } from '../errors.ts';
import { optionalString } from '../params.ts';
import type { MethodContext } from './context.ts';

const MAX_USER_IDS = 1000;

interface FakeUser {
  id: number;
  first_name: string;
  last_name: string;
  can_access_closed: boolean;
  is_closed: boolean;
}

export function usersGet({ params, identity }: MethodContext): FakeUser[] {
  const raw = optionalString(params, 'user_ids') ?? optionalString(params, 'user_id');
  if (raw === undefined) {
    return identity.kind === 'user' && identity.userId !== undefined ? [describeUser(identity.userId)] : [];
  }
  const refs = raw
    .split(',')
    .map((ref) => ref.trim())
    .filter((ref) => ref !== '');
  if (refs.length > MAX_USER_IDS) throw new VkApiError(100, `user_ids is too long, max ${MAX_USER_IDS} items`);
  return refs.map((ref) => {
    const match = /^(?:id)?([1-9]\d*)$/.exec(ref);
    if (match?.[1] === undefined) throw new VkApiError(113);
    return describeUser(Number(match[1]));
  });
}

function describeUser(id: number): FakeUser {
  return { id, first_name: 'User', last_name: String(id), can_access_closed: true, is_closed: false };
}
