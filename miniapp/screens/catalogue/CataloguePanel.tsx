/**
 * The catalogue of the campaign's offers (issue 17): search, categories, region, all or favourites; a category can
 * be followed ("tell me about new offers"), which needs the community's message consent first; offered only where the
 * server says it can work (VK community messages: not on OK, Telegram or the web entry without consent).
 */
import { Icon56SearchOutline } from '@vkontakte/icons';
import {
  Button,
  Div,
  FormItem,
  Group,
  NativeSelect,
  Panel,
  Placeholder,
  Search,
  SubnavigationBar,
  SubnavigationButton,
  Tabs,
  TabsItem,
  Text,
} from '@vkontakte/vkui';
import { useState } from 'react';
import { ApiRequestError } from '../../api/client.ts';
import { errorText } from '../../i18n-errors.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { LoadState } from '../LoadState.tsx';
import type { Catalogue, Offer } from './catalogue-api.ts';
import { OfferCell } from './OfferCell.tsx';
import { useCatalogueApp } from './use-catalogue-app.ts';

type View = { catalogue: Catalogue; favourites: Offer[] | null };

export function CataloguePanel({ id }: { id: string }) {
  const { catalogue, platform, language, t } = useCatalogueApp();
  const campaignId = useRouteId() ?? 0;
  const [tab, setTab] = useState<'all' | 'favourites'>('all');
  const [q, setQ] = useState('');
  const [category, setCategory] = useState('');
  const [region, setRegion] = useState('');
  const [note, setNote] = useState('');
  const state = useAsync<View>(
    async () => ({
      catalogue: await catalogue.list(campaignId, { q, category, region }),
      favourites: tab === 'favourites' ? await catalogue.favourites(campaignId) : null,
    }),
    [catalogue, campaignId, q, category, region, tab],
    campaignId > 0,
  );

  async function follow(data: Catalogue, on: boolean) {
    const ask = () => catalogue.subscribe(campaignId, category, on);
    try {
      await ask();
      setNote(on ? t.catalogueSubscribed : '');
    } catch (err) {
      if (!(err instanceof ApiRequestError && err.code === 'no_message_consent') || !data.messagesGroupId) {
        // Said under the button, the list left as it is: thrown, it was an unhandled rejection and nothing showed.
        setNote(errorText(err, language));
        return;
      }
      const allowed = await platform.allowMessages(data.messagesGroupId, `catalogue:${campaignId}`);
      // The consent arrives through the community's update; one more try once the client says it was given.
      if (allowed.status === 'done')
        await ask().then(
          () => setNote(t.catalogueSubscribed),
          () => setNote(t.catalogueNeedMessages),
        );
      else setNote(t.catalogueNeedMessages);
    }
    if (state.status === 'ready') state.reload();
  }

  return (
    <Panel id={id}>
      <PanelHeaderWithBack back={t.back}>{t.catalogueTitle}</PanelHeaderWithBack>
      <Group>
        <Search
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t.catalogueSearch}
          clearLabel={t.clearSearch}
          data-testid="offer-search"
        />
        <Tabs>
          <TabsItem selected={tab === 'all'} onClick={() => setTab('all')} data-testid="tab-all">
            {t.catalogueAll}
          </TabsItem>
          <TabsItem selected={tab === 'favourites'} onClick={() => setTab('favourites')} data-testid="tab-favourites">
            {t.catalogueFavourites}
          </TabsItem>
        </Tabs>
      </Group>
      <LoadState state={state}>
        {({ catalogue: data, favourites }) => {
          const list = favourites ?? data.offers;
          const following = category !== '' && data.subscribedCategories.includes(category);
          return (
            <>
              {tab === 'all' && (
                <Group>
                  <SubnavigationBar>
                    <SubnavigationButton selected={category === ''} onClick={() => setCategory('')}>
                      {t.catalogueAll}
                    </SubnavigationButton>
                    {data.categories.map((c) => (
                      <SubnavigationButton
                        key={c.id}
                        selected={category === c.id}
                        onClick={() => setCategory(c.id)}
                        data-testid={`category-${c.id}`}
                      >
                        {`${c.name} · ${c.count}`}
                      </SubnavigationButton>
                    ))}
                  </SubnavigationBar>
                  {data.regions.length > 0 && (
                    <FormItem top={t.catalogueRegion} htmlFor="offer-region">
                      {/* Native, as in the calculator: CustomSelect would put its popper in the participant's bundle. */}
                      <NativeSelect
                        id="offer-region"
                        value={region}
                        onChange={(e) => setRegion(e.target.value)}
                        data-testid="offer-region"
                      >
                        <option value="">{t.catalogueAllRegions}</option>
                        {data.regions.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </NativeSelect>
                    </FormItem>
                  )}
                  {/* Unfollowing stays wherever a follow is stored; following only where it can be delivered. */}
                  {category !== '' && (data.categoryAlerts || following) && (
                    <Div>
                      <Button
                        mode={following ? 'secondary' : 'outline'}
                        size="m"
                        onClick={() => void follow(data, !following)}
                        data-testid="category-follow"
                      >
                        {following ? t.catalogueUnsubscribe : t.catalogueSubscribe}
                      </Button>
                      {note && <Text data-testid="category-follow-note">{note}</Text>}
                    </Div>
                  )}
                </Group>
              )}
              <Group>
                {list.length === 0 ? (
                  <Placeholder
                    icon={<Icon56SearchOutline />}
                    title={tab === 'favourites' ? t.catalogueNoFavourites : t.catalogueEmpty}
                    data-testid="offers-empty"
                  >
                    {tab === 'favourites' ? t.catalogueNoFavouritesHint : t.catalogueEmptyHint}
                  </Placeholder>
                ) : (
                  list.map((offer) => (
                    <OfferCell key={offer.id} campaignId={campaignId} offer={offer} language={language} />
                  ))
                )}
              </Group>
            </>
          );
        }}
      </LoadState>
    </Panel>
  );
}
