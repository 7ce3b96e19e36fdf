/**
 * @module `users.get`: user objects for numeric ids (names are "User <id>"), with the profile facts VK gives
 * (`deactivated` always when set — VK then leaves out the rest —; `has_photo` and `photo_100` when asked in `fields`).
 */
import { VkApiError } from '../errors.ts';
import { optionalString } from '../params.ts';
import type { FakeProfile } from '../state.ts';
import type { MethodContext } from './context.ts';

const MAX_USER_IDS = 1000;

interface FakeUser {
  id: number;
  first_name: string;
  last_name: string;
  deactivated?: 'deleted' | 'banned';
  can_access_closed?: boolean;
  is_closed?: boolean;
  has_photo?: 0 | 1;
  photo_100?: string;
}

export function usersGet({ params, identity, state, origin }: MethodContext): FakeUser[] {
  const fields = new Set((optionalString(params, 'fields') ?? '').split(',').map((f) => f.trim()));
  const describe = (id: number): FakeUser => describeUser(id, state.profile(id), fields, origin);
  const raw = optionalString(params, 'user_ids') ?? optionalString(params, 'user_id');
  if (raw === undefined) {
    return identity.kind === 'user' && identity.userId !== undefined ? [describe(identity.userId)] : [];
  }
  const refs = raw
    .split(',')
    .map((ref) => ref.trim())
    .filter((ref) => ref !== '');
  if (refs.length > MAX_USER_IDS) throw new VkApiError(100, `user_ids is too long, max ${MAX_USER_IDS} items`);
  return refs.map((ref) => {
    const match = /^(?:id)?([1-9]\d*)$/.exec(ref);
    if (match?.[1] === undefined) throw new VkApiError(113);
    return describe(Number(match[1]));
  });
}

function describeUser(id: number, profile: FakeProfile, fields: Set<string>, origin: string): FakeUser {
  // A deleted or banned page: VK answers its id, a placeholder name and `deactivated`, nothing else.
  if (profile.deactivated) return { id, first_name: 'DELETED', last_name: '', deactivated: profile.deactivated };
  const closed = profile.isClosed ?? false;
  const user: FakeUser = {
    id,
    first_name: 'User',
    last_name: String(id),
    can_access_closed: !closed,
    is_closed: closed,
  };
  const hasPhoto = profile.hasPhoto ?? true;
  if (fields.has('has_photo')) user.has_photo = hasPhoto ? 1 : 0;
  // Without a photo VK gives its camera placeholder.
  if (fields.has('photo_100')) user.photo_100 = `${origin}/images/${hasPhoto ? `u${id}` : 'camera'}_100.png`;
  return user;
}
