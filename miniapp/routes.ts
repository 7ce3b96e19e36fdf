/**
 * Panels and hash routes: the hash doubles as a deep link from the bot and notifications. The one seam the screens
 * navigate through (our small hash router in miniapp/router/, docs/decisions/018).
 */
import { HAS_OFFICE } from './build-contents.ts';
import { createHashRouter, type HashRouter, type RouteDefinition } from './router/hash-router.ts';

export type { RouteNavigator } from './router/hash-router.ts';
export {
  RouterProvider,
  useActiveVkuiLocation,
  useFirstPageCheck,
  useParams,
  useRouteNavigator,
  useRouteQuery,
} from './router/router-hooks.tsx';

/**
 * The statistics page's filter a funnel breakdown follows: its days (inclusive, in the zone the page counted them in)
 * and its platform; none of either is the whole campaign on every platform.
 */
export type BreakdownFilter = {
  period?: { from: string; to: string; timeZone: string } | undefined;
  platform?: 'vk' | 'ok' | 'telegram' | undefined;
};

/**
 * The statistics page's filter (its address keeps it: admin/stats/stats-query.ts reads it): inclusive days in the
 * scope's time zone and a platform; an unset day lets the server choose (the last 30 days), no platform is every one.
 */
export type StatsFilter = { from?: string; to?: string; platform?: 'vk' | 'ok' | 'telegram' };

/** `?from=…&to=…&platform=…` for the statistics page's address, or nothing for no filter. */
function statsQuery({ from, to, platform }: StatsFilter): string {
  const query = new URLSearchParams();
  if (from && to) {
    query.set('from', from);
    query.set('to', to);
  }
  if (platform) query.set('platform', platform);
  const q = query.toString();
  return q ? `?${q}` : '';
}

/** The support inbox's filters in its address: one campaign's requests, one status, a search; empty is none. */
export type InboxFilters = { campaign?: number | undefined; status?: string; q?: string };

export const VIEW_MAIN = 'main';

const PARTICIPANT_PANELS = {
  home: 'home',
  campaign: 'campaign',
  rules: 'rules',
  quiz: 'quiz',
  quizResult: 'quiz_result',
  taskQuiz: 'task_quiz',
  reward: 'reward',
  prizes: 'prizes',
  calculator: 'calculator',
  offers: 'offers',
  offer: 'offer',
  betaJoin: 'beta_join',
  invite: 'invite',
  help: 'help',
  helpNew: 'help_new',
  helpTicket: 'help_ticket',
  notFound: 'not_found',
} as const;

/** The office's panels: only in builds that carry the office (build-contents.ts), as `OFFICE_ROUTES`; the iOS
 * single file leaves their names out (its size budget, docs/decisions/024). */
const OFFICE_PANEL_IDS = {
  admin: 'admin',
  adminDraw: 'admin_draw',
  adminCalendar: 'admin_calendar',
  adminPools: 'admin_pools',
  adminCalculator: 'admin_calculator',
  adminOffers: 'admin_offers',
  adminBeta: 'admin_beta',
  adminCatalogue: 'admin_catalogue',
  adminCampaign: 'admin_campaign',
  adminCampaignSections: 'admin_campaign_sections',
  adminRevision: 'admin_revision',
  adminAgency: 'admin_agency',
  adminAgencyBrand: 'admin_agency_brand',
  adminAgencySettings: 'admin_agency_settings',
  adminAgencyTeam: 'admin_agency_team',
  adminAudit: 'admin_audit',
  adminTeam: 'admin_team',
  adminBrandMailings: 'admin_brand_mailings',
  adminMailings: 'admin_mailings',
  adminMailingRule: 'admin_mailing_rule',
  adminMailingBroadcast: 'admin_mailing_broadcast',
  adminSupport: 'admin_support',
  adminSupportTicket: 'admin_support_ticket',
  adminSupportKnowledge: 'admin_support_knowledge',
  adminSupportCanned: 'admin_support_canned',
  adminCampaignStats: 'admin_campaign_stats',
  adminBrandStats: 'admin_brand_stats',
  adminStuck: 'admin_stuck',
  adminStuckStage: 'admin_stuck_stage',
  adminFunnelBreakdown: 'admin_funnel_breakdown',
  adminBrandLeads: 'admin_brand_leads',
  adminLeads: 'admin_leads',
  adminLead: 'admin_lead',
  adminLeadWebhook: 'admin_lead_webhook',
} as const;

export const PANELS = {
  ...PARTICIPANT_PANELS,
  ...(HAS_OFFICE ? OFFICE_PANEL_IDS : ({} as typeof OFFICE_PANEL_IDS)),
};

const participantPaths = {
  campaign: (id: number) => `/campaign/${id}`,
  rules: (id: number) => `/campaign/${id}/rules`,
  quiz: (id: number) => `/campaign/${id}/quiz`,
  quizResult: (id: number) => `/campaign/${id}/quiz/result`,
  taskQuiz: (id: number, taskKey: string) => `/campaign/${id}/task/${encodeURIComponent(taskKey)}/quiz`,
  reward: (id: number, rewardKey: string) => `/campaign/${id}/reward/${encodeURIComponent(rewardKey)}`,
  prizes: (id: number) => `/campaign/${id}/prizes`,
  calculator: (id: number) => `/campaign/${id}/calculator`,
  offers: (id: number) => `/campaign/${id}/offers`,
  offer: (id: number, offerId: number) => `/campaign/${id}/offer/${offerId}`,
  help: (id: number) => `/campaign/${id}/help`,
  helpNew: (id: number) => `/campaign/${id}/help/new`,
  helpTicket: (id: number, ticketId: number) => `/campaign/${id}/help/${ticketId}`,
  invite: (token: string) => `/invite/${token}`,
};

/** The office's addresses: only in builds that carry the office, as its panels. */
const officePaths = {
  adminCalendar: (id: number) => `/admin/campaign/${id}/calendar`,
  adminDraw: (id: number) => `/admin/campaign/${id}/draw`,
  adminPools: (id: number) => `/admin/campaign/${id}/pools`,
  adminCalculator: (id: number) => `/admin/campaign/${id}/calculator`,
  adminOffers: (id: number) => `/admin/campaign/${id}/offers`,
  adminBeta: (id: number) => `/admin/campaign/${id}/beta`,
  admin: () => '/admin',
  adminCatalogue: () => '/admin/new',
  adminCampaign: (id: number) => `/admin/campaign/${id}`,
  /** A campaign's sections for a member who may not open its editor (no `campaigns` right); that one is sent on. */
  adminCampaignSections: (id: number) => `/admin/campaign/${id}/sections`,
  adminRevision: (id: number, n: number) => `/admin/campaign/${id}/revision/${n}`,
  adminAgency: () => '/admin/agency',
  adminAgencyBrand: (brandId: number) => `/admin/agency/brand/${brandId}`,
  adminAgencySettings: () => '/admin/agency/settings',
  adminAgencyTeam: () => '/admin/agency/team',
  adminAudit: () => '/admin/audit',
  adminTeam: (brandId: number) => `/admin/brand/${brandId}/team`,
  adminBrandMailings: (brandId: number) => `/admin/brand/${brandId}/mailings`,
  adminMailings: (id: number) => `/admin/campaign/${id}/mailings`,
  /** `new` opens the rule editor empty. */
  adminMailingRule: (id: number, ruleId: number | 'new') => `/admin/campaign/${id}/mailings/rule/${ruleId}`,
  /** `new` opens the broadcast composer. */
  adminMailingBroadcast: (id: number, broadcastId: number | 'new') =>
    `/admin/campaign/${id}/mailings/broadcast/${broadcastId}`,
  /** The inbox with its filters in the address (admin/support/inbox-query.ts reads them): Back and reload keep them. */
  adminSupport: (brandId: number, filters: InboxFilters = {}) => {
    const query = new URLSearchParams(
      Object.entries(filters).flatMap(([k, v]) => (v ? [[k, String(v)] as [string, string]] : [])),
    ).toString();
    return `/admin/brand/${brandId}/support${query ? `?${query}` : ''}`;
  },
  adminSupportTicket: (brandId: number, ticketId: number) => `/admin/brand/${brandId}/support/ticket/${ticketId}`,
  adminSupportKnowledge: (brandId: number) => `/admin/brand/${brandId}/support/knowledge`,
  adminSupportCanned: (brandId: number) => `/admin/brand/${brandId}/support/canned`,
  /** The statistics with their filter in the address: Back from the breakdown or the stuck list, a reload and a
   * shared link keep it. */
  adminCampaignStats: (id: number, filter: StatsFilter = {}) => `/admin/campaign/${id}/stats${statsQuery(filter)}`,
  adminBrandStats: (brandId: number, filter: StatsFilter = {}) => `/admin/brand/${brandId}/stats${statsQuery(filter)}`,
  /** Who is stuck at each funnel stage for at least `hours` (kept in the address: Back and reload keep the choice). */
  adminStuck: (id: number, hours?: number) => `/admin/campaign/${id}/stats/stuck${hours ? `?hours=${hours}` : ''}`,
  /** The people stuck at one stage. */
  adminStuckStage: (id: number, stage: string, hours?: number) =>
    `/admin/campaign/${id}/stats/stuck/${encodeURIComponent(stage)}${hours ? `?hours=${hours}` : ''}`,
  /**
   * The campaign's funnel per launch source or per message variant of one bot rule, over the statistics page's days
   * (in its zone) and platform (all kept in the address).
   */
  adminFunnelBreakdown: (
    id: number,
    by: 'source' | 'variant' = 'source',
    rule?: number,
    filter: BreakdownFilter = {},
  ) => {
    const query = new URLSearchParams({ by });
    if (by === 'variant' && rule) query.set('rule', String(rule));
    if (filter.period) {
      query.set('from', filter.period.from);
      query.set('to', filter.period.to);
      query.set('tz', filter.period.timeZone);
    }
    if (filter.platform) query.set('platform', filter.platform);
    return `/admin/campaign/${id}/stats/breakdown?${query}`;
  },
  adminBrandLeads: (brandId: number) => `/admin/brand/${brandId}/leads`,
  adminLeads: (id: number) => `/admin/campaign/${id}/leads`,
  adminLead: (id: number, leadId: number) => `/admin/campaign/${id}/leads/${leadId}`,
  adminLeadWebhook: (id: number) => `/admin/campaign/${id}/leads/webhook`,
};

export const paths = {
  ...participantPaths,
  ...(HAS_OFFICE ? officePaths : ({} as typeof officePaths)),
};

/** The office's panels (one lazy chunk, miniapp/admin/). */
export const ADMIN_PANELS: readonly string[] = !HAS_OFFICE
  ? []
  : [
      PANELS.admin,
      PANELS.adminCatalogue,
      PANELS.adminCampaign,
      PANELS.adminRevision,
      PANELS.adminAgency,
      PANELS.adminAgencyBrand,
      PANELS.adminAgencySettings,
      PANELS.adminAgencyTeam,
      PANELS.adminAudit,
      PANELS.adminTeam,
      PANELS.adminBrandMailings,
      PANELS.adminMailings,
      PANELS.adminMailingRule,
      PANELS.adminMailingBroadcast,
      PANELS.adminSupport,
      PANELS.adminSupportTicket,
      PANELS.adminSupportKnowledge,
      PANELS.adminSupportCanned,
      PANELS.adminCampaignStats,
      PANELS.adminBrandStats,
      PANELS.adminStuck,
      PANELS.adminStuckStage,
      PANELS.adminFunnelBreakdown,
      PANELS.adminBrandLeads,
      PANELS.adminLeads,
      PANELS.adminLead,
      PANELS.adminLeadWebhook,
    ];

/** Every office panel, the sections' included: the layout gives them the full width. */
export const OFFICE_PANELS: ReadonlySet<string> = new Set(
  !HAS_OFFICE
    ? []
    : [
        ...ADMIN_PANELS,
        PANELS.adminPools,
        PANELS.adminBeta,
        PANELS.adminCalculator,
        PANELS.adminOffers,
        PANELS.adminDraw,
        PANELS.adminCalendar,
        PANELS.adminCampaignSections,
      ],
);

/** The office's routes: only in builds that carry the office (build-contents.ts); elsewhere `/admin…` is not found. */
const OFFICE_ROUTES: readonly RouteDefinition[] = [
  { panel: PANELS.admin, path: '/admin', parent: '/' },
  // The `prizes` and `stats` sections of a campaign lead back to its sections page, which a member without the
  // `campaigns` right may see (the editor would refuse them) and which sends one who has it on to the editor.
  { panel: PANELS.adminDraw, path: '/admin/campaign/:id/draw', parent: '/admin/campaign/:id/sections' },
  { panel: PANELS.adminCalendar, path: '/admin/campaign/:id/calendar', parent: '/admin/campaign/:id/sections' },
  { panel: PANELS.adminPools, path: '/admin/campaign/:id/pools', parent: '/admin/campaign/:id/sections' },
  { panel: PANELS.adminCampaignSections, path: '/admin/campaign/:id/sections', parent: '/admin' },
  { panel: PANELS.adminCalculator, path: '/admin/campaign/:id/calculator', parent: '/admin/campaign/:id' },
  { panel: PANELS.adminOffers, path: '/admin/campaign/:id/offers', parent: '/admin/campaign/:id' },
  { panel: PANELS.adminBeta, path: '/admin/campaign/:id/beta', parent: '/admin/campaign/:id' },
  { panel: PANELS.adminTeam, path: '/admin/brand/:brandId/team', parent: '/admin' },
  { panel: PANELS.adminCatalogue, path: '/admin/new', parent: '/admin' },
  { panel: PANELS.adminCampaign, path: '/admin/campaign/:id', parent: '/admin' },
  { panel: PANELS.adminRevision, path: '/admin/campaign/:id/revision/:n', parent: '/admin/campaign/:id' },
  { panel: PANELS.adminAgencySettings, path: '/admin/agency/settings', parent: '/admin/agency' },
  { panel: PANELS.adminAgencyTeam, path: '/admin/agency/team', parent: '/admin/agency' },
  { panel: PANELS.adminAudit, path: '/admin/audit', parent: '/admin' },
  { panel: PANELS.adminAgencyBrand, path: '/admin/agency/brand/:brandId', parent: '/admin/agency' },
  { panel: PANELS.adminAgency, path: '/admin/agency', parent: '/admin' },
  { panel: PANELS.adminBrandMailings, path: '/admin/brand/:brandId/mailings', parent: '/admin' },
  { panel: PANELS.adminMailings, path: '/admin/campaign/:id/mailings', parent: '/admin' },
  {
    panel: PANELS.adminMailingRule,
    path: '/admin/campaign/:id/mailings/rule/:ruleId',
    parent: '/admin/campaign/:id/mailings',
  },
  {
    panel: PANELS.adminMailingBroadcast,
    path: '/admin/campaign/:id/mailings/broadcast/:broadcastId',
    parent: '/admin/campaign/:id/mailings',
  },
  { panel: PANELS.adminSupport, path: '/admin/brand/:brandId/support', parent: '/admin' },
  {
    panel: PANELS.adminSupportTicket,
    path: '/admin/brand/:brandId/support/ticket/:ticketId',
    parent: '/admin/brand/:brandId/support',
  },
  {
    panel: PANELS.adminSupportKnowledge,
    path: '/admin/brand/:brandId/support/knowledge',
    parent: '/admin/brand/:brandId/support',
  },
  {
    panel: PANELS.adminSupportCanned,
    path: '/admin/brand/:brandId/support/canned',
    parent: '/admin/brand/:brandId/support',
  },
  { panel: PANELS.adminCampaignStats, path: '/admin/campaign/:id/stats', parent: '/admin/campaign/:id/sections' },
  { panel: PANELS.adminStuck, path: '/admin/campaign/:id/stats/stuck', parent: '/admin/campaign/:id/stats' },
  {
    panel: PANELS.adminStuckStage,
    path: '/admin/campaign/:id/stats/stuck/:stage',
    parent: '/admin/campaign/:id/stats/stuck',
  },
  {
    panel: PANELS.adminFunnelBreakdown,
    path: '/admin/campaign/:id/stats/breakdown',
    parent: '/admin/campaign/:id/stats',
  },
  { panel: PANELS.adminBrandStats, path: '/admin/brand/:brandId/stats', parent: '/admin' },
  { panel: PANELS.adminBrandLeads, path: '/admin/brand/:brandId/leads', parent: '/admin' },
  { panel: PANELS.adminLeads, path: '/admin/campaign/:id/leads', parent: '/admin' },
  { panel: PANELS.adminLeadWebhook, path: '/admin/campaign/:id/leads/webhook', parent: '/admin/campaign/:id/leads' },
  { panel: PANELS.adminLead, path: '/admin/campaign/:id/leads/:leadId', parent: '/admin/campaign/:id/leads' },
];

/**
 * First match wins (specific before general). `parent` is the screen Back leads to from a deep link (a bot
 * message, a notification, a share link): the router writes that chain under the screen the app opens on, so Back
 * walks up inside the app instead of leaving it.
 */
export const routes: readonly RouteDefinition[] = [
  { panel: PANELS.home, path: '/' },
  { panel: PANELS.campaign, path: '/campaign/:id', parent: '/' },
  { panel: PANELS.rules, path: '/campaign/:id/rules', parent: '/campaign/:id' },
  { panel: PANELS.quiz, path: '/campaign/:id/quiz', parent: '/campaign/:id' },
  { panel: PANELS.quizResult, path: '/campaign/:id/quiz/result', parent: '/campaign/:id/quiz' },
  { panel: PANELS.taskQuiz, path: '/campaign/:id/task/:taskKey/quiz', parent: '/campaign/:id' },
  { panel: PANELS.reward, path: '/campaign/:id/reward/:rewardKey', parent: '/campaign/:id/prizes' },
  { panel: PANELS.prizes, path: '/campaign/:id/prizes', parent: '/campaign/:id' },
  { panel: PANELS.calculator, path: '/campaign/:id/calculator', parent: '/campaign/:id' },
  { panel: PANELS.offers, path: '/campaign/:id/offers', parent: '/campaign/:id' },
  { panel: PANELS.offer, path: '/campaign/:id/offer/:offerId', parent: '/campaign/:id/offers' },
  { panel: PANELS.betaJoin, path: '/beta/:token', parent: '/' },
  { panel: PANELS.invite, path: '/invite/:token', parent: '/' },
  ...(HAS_OFFICE ? OFFICE_ROUTES : []),
  { panel: PANELS.help, path: '/campaign/:id/help', parent: '/campaign/:id' },
  { panel: PANELS.helpNew, path: '/campaign/:id/help/new', parent: '/campaign/:id/help' },
  { panel: PANELS.helpTicket, path: '/campaign/:id/help/:ticketId', parent: '/campaign/:id/help' },
  // Any other address: our own not-found panel.
  { panel: PANELS.notFound, path: '/*', parent: '/' },
];

/** The server's share links say `#/campaigns/<id>?ref=…`; the app's route is `/campaign/<id>`. */
function acceptShareLinkHash(): void {
  const hash = window.location.hash.replace(/^#\/campaigns\/(\d+)/, '#/campaign/$1');
  if (hash !== window.location.hash) window.history.replaceState(window.history.state, '', hash);
}

let router: HashRouter | undefined;

/**
 * The app's router, made on first use, i.e. at the first render: after the platform adapter has moved the hash to
 * its start route (OK `custom_args`, Telegram `start_param`), which it does while its module is evaluated.
 */
export function appRouter(): HashRouter {
  if (!router) {
    acceptShareLinkHash();
    router = createHashRouter(routes);
  }
  return router;
}
