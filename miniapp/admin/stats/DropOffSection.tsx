/** The screens sessions end on, most frequent first, each with its share of all sessions. */
import { Progress, SimpleCell } from '@vkontakte/vkui';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { statsStrings } from '../i18n-stats.ts';
import type { StatsResponse } from './stats-api.ts';
import { formatInt, formatShare, screenName } from './stats-format.ts';

export function DropOffList({ data }: { data: StatsResponse<'drop-off-screens'> }) {
  const { language } = useApp();
  const s = statsStrings(language);
  return (
    <>
      {data.screens.map((screen) => (
        <SimpleCell
          key={screen.screen}
          multiline
          data-testid={`stats-drop-off-${screen.screen}`}
          subtitle={
            <>
              {fill(s.ended, {
                n: formatInt(screen.sessionsEnded, language),
                pct: formatShare(screen.share, language),
              })}
              <Progress
                value={Math.round(screen.share * 100)}
                aria-label={screenName(screen.screen, s)}
                style={{ marginTop: 6 }}
              />
            </>
          }
        >
          {screenName(screen.screen, s)}
        </SimpleCell>
      ))}
    </>
  );
}
