/**
 * A team screen's writes (the brand's and the agency's), each said beside what was tapped, since on a phone the
 * page's top is far below the fold: the open member editor's, the invite form's (link or add), and a revoke's under
 * its invitation. A new write drops an older refusal elsewhere on the page, and each write reloads the lists after.
 *
 * @example const w = useTeamWrites(s.error, () => state.reload()); await w.act('invite', () => team.invite(…));
 */
import { useState } from 'react';
import { useOfficeWrite } from '../office-write.tsx';
import type { RefusalPlace } from '../refusal-place.ts';

export type TeamWrite = 'editor' | 'invite' | 'revoke';

/** `place`: the brand's team screen or the agency's, so a refusal's words name where it is said. */
export function useTeamWrites(template: string, reload: () => void, place: RefusalPlace = 'brand') {
  const writes = {
    editor: useOfficeWrite(template, place),
    invite: useOfficeWrite(template, place),
    revoke: useOfficeWrite(template, place),
  };
  const [revoking, setRevoking] = useState<number | null>(null);
  /** Runs a write of `which`, then reloads; answers its result, or undefined when refused (said beside it). */
  const act = <T>(which: TeamWrite, write: () => Promise<T>) => {
    for (const [name, w] of Object.entries(writes)) if (name !== which) w.clear();
    return writes[which].run(async () => {
      const result = await write();
      reload();
      return result;
    });
  };
  return {
    act,
    editorError: writes.editor.error,
    inviteError: writes.invite.error,
    /** A member editor opened afresh says no older refusal. */
    clearEditor: writes.editor.clear,
    /** Revokes invitation `id`; its refusal is then `revokeError(id)`. */
    revoke: (id: number, write: () => Promise<unknown>) => {
      setRevoking(id);
      return act('revoke', write);
    },
    revokeError: (id: number) => (revoking === id ? writes.revoke.error : null),
  };
}
