/**
 * The numeric `:id` of the current route, kept while the panel animates away (the route has already
 * changed then), so a leaving panel neither blanks nor asks the server for `NaN`.
 */
import { useRef } from 'react';
import { useParams } from './routes.ts';

export function useRouteId(): number | undefined {
  const params = useParams<'id'>();
  const last = useRef<number | undefined>(undefined);
  const id = Number(params?.id);
  if (Number.isSafeInteger(id) && id > 0) last.current = id;
  return last.current;
}
