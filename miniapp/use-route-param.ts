/** A string route parameter (e.g. `:rewardKey`), kept while the panel animates away, like `useRouteId`. */
import { useRef } from 'react';
import { useParams } from './routes.ts';

export function useRouteParam(name: string): string | undefined {
  const params = useParams<string>() as Record<string, string | undefined> | undefined;
  const last = useRef<string | undefined>(undefined);
  const value = params?.[name];
  if (value) last.current = decodeURIComponent(value);
  return last.current;
}
