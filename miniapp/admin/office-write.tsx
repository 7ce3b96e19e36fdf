/**
 * An office write whose refusal is shown beside the form instead of thrown: `run` clears the last message, runs the
 * write and answers its result, or puts the refusal's wording (./refusal-text.ts, in the member's language) into
 * `template`'s `{reason}` and answers undefined. `WriteRefusal` shows that message as an alert, so a screen reader
 * reads it out when it appears.
 */
import { FormItem, Text } from '@vkontakte/vkui';
import { useState } from 'react';
import { useApp } from '../app-context.ts';
import { withReason } from '../i18n-reason.ts';
import type { RefusalPlace } from './refusal-place.ts';
import { refusalText } from './refusal-text.ts';

/** `place`: the screen the refusal is said on, when its words name one (the agency's screens: refusal-place.ts). */
export function useOfficeWrite(template: string, place: RefusalPlace = 'brand') {
  const { language } = useApp();
  const [error, setError] = useState<string | null>(null);
  async function run<T>(write: () => Promise<T>): Promise<T | undefined> {
    setError(null);
    try {
      return await write();
    } catch (e) {
      setError(withReason(template, refusalText(e, language, place)));
      return undefined;
    }
  }
  return { error, run, clear: () => setError(null) };
}

export function WriteRefusal({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <FormItem>
      <Text role="alert">{error}</Text>
    </FormItem>
  );
}
