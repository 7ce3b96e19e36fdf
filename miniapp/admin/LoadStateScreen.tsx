/**
 * An office screen whose header cannot be drawn before its request has answered (the office before the server has
 * let the member in, a page titled with what it loads): the spinner, or the error with Retry, under a header that
 * always has Back. Without it a failed request left an empty header, and on mobile VK, where the only Back is the
 * app's own, closing the app was the only way out (found from outside).
 */

import { useApp } from '../app-context.ts';
import { PanelHeaderWithBack } from '../PanelHeaderWithBack.tsx';

import { LoadState } from '../screens/LoadState.tsx';
import type { AsyncState } from '../use-async.ts';
import { refusalText } from './refusal-text.ts';

/**
 * Back goes where the member came from; a deep link has its parents written under it (routes.ts), so from the
 * office's home that is the app's home, and from a campaign's sections page the office's home.
 * @example if (state.status !== 'ready') return <LoadStateScreen state={state} title={s.settings} />;
 */
export function LoadStateScreen({ state, title }: { state: AsyncState<unknown>; title?: string }) {
  // The app's strings, not the office's: the office's own header must not show before the server has said yes.
  const { t } = useApp();
  return (
    <>
      <PanelHeaderWithBack back={t.back}>{title}</PanelHeaderWithBack>
      {/* Worded as the office words a refusal (refusal-text.ts): a code the participant never meets reads too. */}
      <LoadState state={state} wording={refusalText}>
        {() => null}
      </LoadState>
    </>
  );
}
