/**
 * @module `createApp(deps)`: the whole HTTP API as one Hono app, with no I/O of its own,
 * so tests call `app.request()` in-process against a fresh SQLite file.
 */

import { cors } from 'hono/cors';
import { webLoginRoutes } from './auth/vk-id/web-login.routes.ts';
import { calculatorRoutes } from './calculator/calculator.routes.ts';
import { calculatorOfficeRoutes } from './calculator/calculator-office.routes.ts';
import { campaignRoutes } from './campaigns/campaign.routes.ts';
import { catalogueRoutes } from './catalogue/catalogue.routes.ts';
import { catalogueOfficeRoutes } from './catalogue/catalogue-office.routes.ts';
import { clientErrorRoutes } from './client-errors/client-error.routes.ts';
import type { Deps } from './deps.ts';
import { funnelRoutes } from './funnel/funnel.routes.ts';
import { limitBody } from './http/body-limit.ts';
import { errorBody, notFound, onError, sizeLimitIssue } from './http/errors.ts';
import { routeLimits } from './http/route-limits.ts';
import { newRouter } from './http/router.ts';
import { apiSecurityHeaders } from './http/security-headers.ts';
import { leadRoutes } from './leads/lead.routes.ts';
import { leadOfficeRoutes } from './leads/lead-office.routes.ts';
import { mailingRoutes } from './mailing/mailing.routes.ts';
import { meRoutes } from './me/me.routes.ts';
import { agencyRoutes } from './office/agency/agency.routes.ts';
import { auditRoutes } from './office/audit.routes.ts';
import { betaAdminRoutes, betaJoinRoutes } from './office/beta/beta.routes.ts';
import { officeCampaignRoutes } from './office/campaigns/office-campaign.routes.ts';
import { officeRoutes } from './office/office.routes.ts';
import { invitationAcceptRoutes } from './office/team/invitation-accept.routes.ts';
import { teamRoutes } from './office/team/team.routes.ts';
import { officeDownloadRoutes } from './office-downloads/office-download.routes.ts';
import { calendarRoutes, drawAdminRoutes, poolAdminRoutes, promoRoutes } from './promo/promo.routes.ts';
import { statsRoutes } from './stats/stats.routes.ts';
import { telemetryRoutes } from './stats/telemetry.routes.ts';
import { knowledgeRoutes } from './support/knowledge.routes.ts';
import { supportRoutes } from './support/support.routes.ts';
import { supportAdminRoutes } from './support/support-admin.routes.ts';
import { supportInboxRoutes } from './support/support-inbox.routes.ts';
import { supportLibraryRoutes } from './support/support-library.routes.ts';
import { systemRoutes } from './system/system.routes.ts';
import { callbackRoutes } from './vk/callback.routes.ts';
import { localAllowRoutes } from './vk/local-allow.routes.ts';

export function createApp(deps: Deps) {
  const app = newRouter();
  app.onError(onError);
  app.notFound(notFound);
  app.use('*', (c, next) => {
    c.set('deps', deps);
    return next();
  });
  // The mini app is served from VK's hosting (another origin) and sends launch data in Authorization.
  // hono/cors answers preflights; on other requests it edits `c.res.headers` after the handler, which turns
  // @hono/node-server's cheap response into a full one (a third of GET throughput), so we set the one header here.
  const preflight = cors({ origin: '*', allowHeaders: ['Authorization', 'Content-Type'], maxAge: 600 });
  app.use('/api/*', (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    // Browsers send Origin on every cross-origin request; a same-origin one needs no CORS header (and skipping it
    // keeps the response on @hono/node-server's fast path).
    if (c.req.header('origin') !== undefined) c.header('Access-Control-Allow-Origin', '*');
    return next();
  });
  app.use('/api/*', apiSecurityHeaders);
  app.use('/vk/*', apiSecurityHeaders);
  // Bodies: 1 MB, except the imports (http/body-limit.ts keeps the adapter's direct body read).
  const MAX_BODY = 1024 * 1024;
  const limitApiBody = limitBody(MAX_BODY, (c) =>
    c.json(errorBody('payload_too_large', 'Request body exceeds 1 MB', [sizeLimitIssue('bytes', MAX_BODY)]), 413),
  );
  // A code import carries up to 100,000 codes (promo/rewards/pool-admin.routes.ts) and a catalogue feed up to 5,000
  // offers (catalogue/offer-import.ts); only they may be larger.
  const MAX_IMPORT_BODY = 8 * 1024 * 1024;
  const limitImportBody = limitBody(MAX_IMPORT_BODY, (c) =>
    c.json(errorBody('payload_too_large', 'An import exceeds 8 MB', [sizeLimitIssue('bytes', MAX_IMPORT_BODY)]), 413),
  );
  const isImport = (path: string) =>
    path.startsWith('/api/admin/campaigns/') && (path.endsWith('/codes') || path.endsWith('/offers/import'));
  app.use('/api/*', (c, next) => (isImport(c.req.path) ? limitImportBody : limitApiBody)(c, next));
  // Per-user limits of participant write routes and the per-user cap on requests in flight (http/route-limits.ts).
  app.use('/api/*', routeLimits);

  const api = app
    .route('/api', systemRoutes)
    .route('/api/me', meRoutes)
    .route('/api/campaigns', campaignRoutes)
    .route('/api/campaigns', promoRoutes)
    .route('/api/campaigns', calculatorRoutes)
    .route('/api/admin/campaigns', calculatorOfficeRoutes)
    .route('/api/campaigns', catalogueRoutes)
    .route('/api/admin/campaigns', catalogueOfficeRoutes)
    .route('/api/campaigns', leadRoutes)
    .route('/api/admin/campaigns', leadOfficeRoutes)
    .route('/api/admin/campaigns', poolAdminRoutes)
    .route('/api/admin/campaigns', drawAdminRoutes)
    .route('/api/admin/campaigns', calendarRoutes)
    .route('/api/admin/campaigns', betaAdminRoutes)
    .route('/api/beta', betaJoinRoutes)
    .route('/api/client-errors', clientErrorRoutes)
    .route('/api/telemetry', telemetryRoutes)
    .route('/api/admin/mailing', mailingRoutes)
    .route('/api/admin/funnel', funnelRoutes)
    .route('/api/admin/stats', statsRoutes)
    .route('/api/office-downloads', officeDownloadRoutes)
    .route('/api/admin/support', supportAdminRoutes)
    .route('/api/admin/support', supportInboxRoutes)
    .route('/api/admin/support', supportLibraryRoutes)
    .route('/api/admin/office', officeRoutes)
    .route('/api/admin/audit', auditRoutes)
    .route('/api/admin/agency', agencyRoutes)
    .route('/api/admin/team', teamRoutes)
    .route('/api/office', invitationAcceptRoutes)
    .route('/api/admin', officeCampaignRoutes)
    .route('/api/support', supportRoutes)
    .route('/api/support', knowledgeRoutes)
    .route('/api/local', localAllowRoutes)
    .route('/api/web', webLoginRoutes)
    .route('/vk', callbackRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'LaunchParams', {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: 'Raw launch data: `VK <launch query>`, `OK <launch query>` or `tma <Telegram initData>`',
  });
  app.doc('/api/openapi.json', {
    openapi: '3.0.3',
    // No vendor name a brand could read (issue 15, white label): the API is the agency's.
    info: { title: 'Promo API', version: '0.1.0' },
  });
  return api;
}

export type App = ReturnType<typeof createApp>;
