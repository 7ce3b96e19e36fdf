/** The loading and error states every screen shows the same way. */
import { Button, Placeholder } from '@vkontakte/vkui';
import { createContext, type ReactNode, useContext } from 'react';
import { ApiRequestError } from '../api/client.ts';
import { useApp } from '../app-context.ts';
import { HAS_OFFICE } from '../build-contents.ts';
import type { Messages } from '../i18n.ts';
import { errorText } from '../i18n-errors.ts';
import { Loading } from '../Loading.tsx';
import { paths, useActiveVkuiLocation, useRouteNavigator } from '../routes.ts';
import type { AsyncState } from '../use-async.ts';

type Wording = (error: Error, language: 'ru' | 'en') => string;

/**
 * How the errors of every LoadState below are said: the app's shared wording unless a room provides its own (the
 * office provides its refusal table once, at its root, so each of its screens words a refusal alike).
 */
export const LoadStateWording = createContext<Wording>(errorText);

/**
 * The title over a failed load: a refusal the server means is not "something went wrong" (found from outside: "Что-то
 * пошло не так" sat above "У вас нет прав…"), so no access and not found say so; a real failure (5xx, no network, a
 * crash in the client) keeps the generic title.
 * @example errorTitleOf(new ApiRequestError(404, 'campaign_not_found', 'No campaign 9'), messages.ru) // 'Не найдено'
 */
export function errorTitleOf(error: Error, t: Messages): string {
  if (!(error instanceof ApiRequestError)) return t.errorTitle;
  // A 401 is the launch not accepted, not a refusal: "no access" misled. Only a too old one "ended"; a missing, malformed
  // or forged one never was a session ("Сеанс завершён" over a bad signature, found from outside).
  if (error.status === 401) return error.code === 'expired' ? t.sessionEndedTitle : t.openFailedTitle;
  if (error.status === 403) return t.forbiddenTitle;
  if (error.status === 404) return t.notFoundTitle;
  return t.errorTitle;
}

export function LoadState<T>({
  state,
  children,
  wording: given,
}: {
  state: AsyncState<T>;
  children: (data: T) => ReactNode;
  /** How the error is said, when not as the room says it (LoadStateWording). */
  wording?: Wording;
}) {
  const provided = useContext(LoadStateWording);
  const wording = given ?? provided;
  const { t, language } = useApp();
  const navigator = useRouteNavigator();
  // The way out of a refusal: inside the office, the office's home; on that home itself (no access) and everywhere
  // else, the app's.
  const { pathname } = useActiveVkuiLocation();
  const home = HAS_OFFICE && pathname.startsWith(`${paths.admin()}/`) ? paths.admin() : '/';
  if (state.status === 'loading') return <Loading size="l" style={{ margin: '48px 0' }} />;
  if (state.status === 'error') {
    // A refusal the server means gets a way out instead of a Retry that would only show this screen again.
    const retryable = !(state.error instanceof ApiRequestError) || state.error.retryable;
    const sessionEnded = state.error instanceof ApiRequestError && state.error.status === 401;
    return (
      <Placeholder
        title={errorTitleOf(state.error, t)}
        action={
          retryable ? (
            <Button onClick={state.retry} data-testid="load-retry">
              {t.retry}
            </Button>
          ) : pathname === home || sessionEnded ? undefined : (
            // Nor after a 401: home would be refused the same way; the text says to open the app again.
            // Not on that home itself: a button that leads where one already is did nothing (found from outside).
            <Button mode="secondary" onClick={() => navigator.replace(home)} data-testid="load-error-home">
              {t.home}
            </Button>
          )
        }
        data-testid="load-error"
      >
        {wording(state.error, language)}
      </Placeholder>
    );
  }
  return <>{children(state.data)}</>;
}
