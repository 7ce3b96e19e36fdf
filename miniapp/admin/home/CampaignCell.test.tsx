/**
 * A scheduled campaign whose start passed without the server launching it (it has errors: the promotion refused it)
 * is marked in the office list, in the member's language; one still ahead of its start, or on the air, is not.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api/client.ts';
import { AppContext, type AppServices } from '../../app-context.ts';
import { messages } from '../../i18n.ts';
import type { Language } from '../../intl-formats.ts';
import type { CampaignListItem } from '../office-api.ts';
import { CampaignCell } from './CampaignCell.tsx';

const campaign: CampaignListItem = {
  id: 5,
  title: { ru: 'Лето', en: 'Summer' },
  status: 'scheduled',
  phase: 'not_started',
  mechanic: 'tasks',
  startsAt: Date.UTC(2026, 5, 1),
  endsAt: Date.UTC(2026, 7, 31),
  timeZone: 'Europe/Moscow',
  revision: 1,
  startPassed: true,
  stock: [],
};

function cell(c: CampaignListItem, language: Language): string {
  const app = { language, t: messages[language], api: {} as ApiClient } as AppServices;
  return renderToStaticMarkup(
    <AppContext.Provider value={app}>
      <CampaignCell campaign={c} />
    </AppContext.Provider>,
  );
}

describe('a scheduled campaign whose start passed in the office list', () => {
  it('is marked, in Russian and in English', () => {
    expect(cell(campaign, 'ru')).toContain('data-testid="office-start-passed"');
    expect(cell(campaign, 'ru')).toContain('Старт прошёл, акция не в эфире');
    expect(cell(campaign, 'en')).toContain('The start has passed and the campaign is not on air');
  });

  it('is not marked while its start is ahead', () => {
    expect(cell({ ...campaign, startPassed: false }, 'ru')).not.toContain('office-start-passed');
  });
});
