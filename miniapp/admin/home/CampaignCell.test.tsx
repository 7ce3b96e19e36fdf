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

describe("a campaign's code stock in the office list (decision 099)", () => {
  const stock = (pool: Partial<CampaignListItem['stock'][number]>) => ({
    ...campaign,
    startPassed: false,
    stock: [{ poolKey: 'packs', pool: 'Коды из упаковок', free: 59, total: 60, low: false, ...pool }],
  });

  it('names each pool as the manager named it, not by its key (red before: «Коды: packs — 59 из 60»)', () => {
    expect(cell(stock({}), 'ru')).toContain('Коды: Коды из упаковок — 59 из 60');
    expect(cell(stock({ free: 3, low: true }), 'en')).toContain('Low on codes: Коды из упаковок — 3 of 60');
    expect(cell(stock({}), 'en')).not.toContain('packs');
  });

  it('says a pool with no code loaded yet has none, not that it is low (red before: «Low on codes: packs — 0 of 0»)', () => {
    const empty = stock({ free: 0, total: 0 });
    expect(cell(empty, 'ru')).toContain('Коды не загружены: Коды из упаковок');
    expect(cell(empty, 'en')).toContain('No codes loaded: Коды из упаковок');
    expect(cell(empty, 'en')).not.toContain('office-low-stock');
    // Loaded and all given out is low (the server says so): it reads as low, 0 of 3.
    expect(cell(stock({ free: 0, total: 3, low: true }), 'en')).toContain('Low on codes: Коды из упаковок — 0 of 3');
  });
});
