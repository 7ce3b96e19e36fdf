/** The composer's live audience count: who would get the broadcast, asked again as the segment changes. */
import { useEffect, useState } from 'react';
import type { AudienceCount, Channel } from './mailing-api.ts';
import type { SegmentValue } from './SegmentFields.tsx';
import type { MailingsServices } from './use-mailings.ts';

const COUNT_DELAY_MS = 400;

/** The audience count, asked again a moment after the segment stops changing (the last answer wins). */
export function useAudienceCount(services: MailingsServices, segment: SegmentValue, channel: Channel) {
  const [count, setCount] = useState<AudienceCount>();
  const [counting, setCounting] = useState(true);
  const key = JSON.stringify([segment, channel]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for segment and channel.
  useEffect(() => {
    let live = true;
    setCounting(true);
    const timer = setTimeout(() => {
      services.calls.count(segment, channel).then(
        (c) => {
          if (!live) return;
          setCount(c);
          setCounting(false);
        },
        () => live && setCounting(false),
      );
    }, COUNT_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [services.calls, key]);
  return { count, counting };
}
