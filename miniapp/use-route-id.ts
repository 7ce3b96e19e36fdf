/**
 * A numeric route parameter (`:id` unless named, e.g. `:brandId`), kept while the panel animates away (the route has
 * already changed then), so a leaving panel neither blanks nor asks the server for `NaN`.
 */
import { useRef } from 'react';
import { useParams } from './routes.ts';

export function useRouteId(name = 'id'): number | undefined {
  const params = useParams<string>() as Record<string, string | undefined> | undefined;
  const last = useRef<number | undefined>(undefined);
  const id = Number(params?.[name]);
  if (Number.isSafeInteger(id) && id > 0) last.current = id;
  return last.current;
}
