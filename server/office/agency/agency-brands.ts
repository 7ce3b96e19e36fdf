/**
 * @module The agency's brands: the list it manages (with communities, apps and live campaigns), creating one,
 * renaming it and switching it off and on. Switching off deletes nothing: `brands.disabled_at` hides its campaigns
 * from participants (campaigns/campaign.service.ts), closes it to brand roles (auth/permissions.ts) and stops its
 * outbox: what it had queued is closed unsent (mailing/outbox-switched-off.ts, decision 064) and what it writes while
 * off is closed at the claim or by the sender (mailing/outbox-claim.ts, bot/sender); switching on undoes the first two
 * and never sends what was closed.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { requireAgencyAccess, requireAgencyLevel } from '../../auth/permissions.ts';
import type { Config } from '../../config.ts';
import { type Db, schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { reused } from '../../http/client-key.ts';
import { ApiError } from '../../http/errors.ts';
import { closeSwitchedOffQueue } from '../../mailing/outbox-switched-off.ts';
import { createdAs, recordAudit } from '../audit.ts';
import { nextSavedAt, SavedMeanwhileError } from '../one-save-per-copy.ts';
import { callbackServerOf, maskedToken, secretPlace } from './agency-secrets.ts';

const { agencies, apps, brands, campaigns, communities, memberships } = schema;
type BrandRow = typeof brands.$inferSelect;

/** A brand as the agency office shows it; tokens only masked. */
export async function brandView(db: Db, config: Config, brand: BrandRow) {
  const [live] = await db
    .select({ n: count() })
    .from(campaigns)
    .where(and(eq(campaigns.brandId, brand.id), eq(campaigns.status, 'live')));
  const communityRows = await db.select().from(communities).where(eq(communities.brandId, brand.id));
  const appRows = await db.select().from(apps).where(eq(apps.brandId, brand.id));
  return {
    id: brand.id,
    agencyId: brand.agencyId,
    name: brand.name,
    disabledAt: brand.disabledAt,
    updatedAt: brand.updatedAt,
    liveCampaigns: live?.n ?? 0,
    communities: communityRows.map((c) => {
      // What POST /vk/callback does with this community's updates, by the route's own rule (decision 094).
      const callback = callbackServerOf(config, c.vkGroupId, c);
      return {
        id: c.id,
        vkGroupId: c.vkGroupId,
        name: c.name,
        token: maskedToken(config, c.tokenCiphertext, secretPlace.community(c.vkGroupId)),
        callbackConfirmation: c.callbackConfirmation,
        callbackSecretSet: c.callbackSecretCiphertext !== null,
        callbackByServer: callback?.byServer ?? false,
        callbackSettable: callback?.settable ?? true,
        callbackAccepts: callback?.secret !== undefined,
        callbackConfirms: callback?.confirmation !== undefined,
        updatedAt: c.updatedAt,
      };
    }),
    apps: appRows.map((a) => ({
      id: a.id,
      name: a.name,
      vkAppId: a.vkAppId,
      okAppKey: a.okAppKey,
      telegramBotId: a.telegramBotId,
      vkSecret: maskedToken(config, a.vkSecretCiphertext, secretPlace.vkSecret(a.id)),
      vkServiceToken: maskedToken(config, a.vkServiceTokenCiphertext, secretPlace.vkServiceToken(a.id)),
      updatedAt: a.updatedAt,
    })),
  };
}
export type BrandView = Awaited<ReturnType<typeof brandView>>;

/** Brands the caller manages as agency: all of their agencies' brands as owner or agency-wide manager, else chosen ones. */
export async function listAgencyBrands(deps: Deps, identity: Identity): Promise<BrandView[]> {
  const rows = await deps.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.platform, identity.platform), eq(memberships.platformUserId, identity.userId)));
  const wholeAgencies = new Set<number>();
  const chosen = new Set<number>();
  for (const m of rows) {
    if (m.role === 'agency_admin' || (m.role === 'agency_manager' && m.brandId === null)) wholeAgencies.add(m.agencyId);
    else if (m.role === 'agency_manager' && m.brandId !== null) chosen.add(m.brandId);
  }
  if (wholeAgencies.size === 0 && chosen.size === 0) return [];
  const found = await deps.db
    .select()
    .from(brands)
    .where(inArray(brands.agencyId, [...new Set(rows.map((m) => m.agencyId))]))
    .orderBy(brands.id);
  const list: BrandView[] = [];
  for (const b of found) {
    if (wholeAgencies.has(b.agencyId) || chosen.has(b.id)) list.push(await brandView(deps.db, deps.config, b));
  }
  return list;
}

/** One brand, when the caller manages it (else the same 403 as for a brand that does not exist). */
export async function agencyBrand(deps: Deps, identity: Identity, brandId: number): Promise<BrandView> {
  const { brand } = await requireAgencyAccess(deps.db, identity, brandId);
  return brandView(deps.db, deps.config, brand);
}

/**
 * The brand an earlier "new brand" with this key made in the agency (undefined: none, make it now); the key sent with
 * another name than that "new brand" had is a 409 `client_key_reused`, a rename since is not (decision 098). Looked up
 * in the writing transaction, as broadcasts do (decision 059).
 */
async function brandMadeWithKey(tx: Tx, agencyId: number, name: string, clientKey: string) {
  const [row] = await tx
    .select()
    .from(brands)
    .where(and(eq(brands.agencyId, agencyId), eq(brands.clientKey, clientKey)))
    .limit(1);
  if (!row) return undefined;
  const made = (await createdAs<{ name: string }>(tx, 'brand.create', 'brand', row.id)) ?? row;
  if (made.name !== name) throw reused();
  return row;
}

/** A new brand of the agency (owner or agency-wide manager). */
export async function createBrand(
  deps: Deps,
  identity: Identity,
  input: { agencyId: number; name: string; clientKey?: string | undefined },
) {
  await requireAgencyLevel(deps.db, identity, input.agencyId, 'agency-wide');
  const brand = await inTransaction(deps.db, async (tx) => {
    const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.agencyId));
    if (!agency) throw new ApiError(403, 'forbidden', 'No agency rights for this agency');
    const { agencyId, name, clientKey } = input;
    const earlier = clientKey && (await brandMadeWithKey(tx, agencyId, name, clientKey));
    if (earlier) return earlier;
    const row = inserted(
      await tx
        .insert(brands)
        .values({ agencyId, name, clientKey: clientKey ?? null })
        .returning(),
    );
    await recordAudit(tx, {
      actor: identity,
      brandId: row.id,
      section: 'agency',
      action: 'brand.create',
      entity: 'brand',
      entityId: row.id,
      after: { name: row.name },
    });
    return row;
  });
  return brandView(deps.db, deps.config, brand);
}

/**
 * Renames a brand if it is still the copy the rename was made on (`savedAt`, decision 045), else 409 `saved_meanwhile`
 * and nothing written. Switching the brand off or on is not a rename and leaves an open copy good.
 */
export async function renameBrand(
  deps: Deps,
  identity: Identity,
  brandId: number,
  input: { name: string; savedAt: number },
) {
  const { name, savedAt } = input;
  await requireAgencyAccess(deps.db, identity, brandId);
  const brand = await inTransaction(deps.db, async (tx) => {
    const [before] = await tx.select().from(brands).where(eq(brands.id, brandId));
    if (!before) throw new ApiError(403, 'forbidden', 'No agency rights for this brand');
    // The copy it was made on, saved as it is: nothing written, nothing audited, the copy still current (decision 067).
    if (before.updatedAt === savedAt && before.name === name) return before;
    // The check is in the UPDATE itself: a concurrent rename of the same copy waits for this row and then matches nothing.
    const [row] = await tx
      .update(brands)
      .set({ name, updatedAt: nextSavedAt(deps.now(), savedAt) })
      .where(and(eq(brands.id, brandId), eq(brands.updatedAt, savedAt)))
      .returning();
    if (!row) throw new SavedMeanwhileError('brand');
    await recordAudit(tx, {
      actor: identity,
      brandId,
      section: 'agency',
      action: 'brand.rename',
      entity: 'brand',
      entityId: brandId,
      before: { name: before.name },
      after: { name },
    });
    return row;
  });
  return brandView(deps.db, deps.config, brand);
}

/** Switches a brand off (`off: true`) or back on; 409 when it already is. */
export async function switchBrand(deps: Deps, identity: Identity, brandId: number, off: boolean) {
  await requireAgencyAccess(deps.db, identity, brandId);
  const brand = await inTransaction(deps.db, async (tx) => {
    const [before] = await tx.select().from(brands).where(eq(brands.id, brandId));
    if (!before) throw new ApiError(403, 'forbidden', 'No agency rights for this brand');
    if ((before.disabledAt !== null) === off) {
      throw new ApiError(
        409,
        off ? 'already_off' : 'already_on',
        `The brand is already switched ${off ? 'off' : 'on'}`,
      );
    }
    const disabledAt = off ? deps.now() : null;
    const row = inserted(await tx.update(brands).set({ disabledAt }).where(eq(brands.id, brandId)).returning());
    // What it had queued is closed now, not held for switch-on (decision 064); the audit row says how much.
    const closed = off ? await closeSwitchedOffQueue(tx, brandId, deps.now()) : undefined;
    await recordAudit(tx, {
      actor: identity,
      brandId,
      section: 'agency',
      action: off ? 'brand.switch_off' : 'brand.switch_on',
      entity: 'brand',
      entityId: brandId,
      before: { disabledAt: before.disabledAt },
      after: closed
        ? { disabledAt, closedMessages: closed.messages, cancelledBroadcasts: closed.broadcasts }
        : { disabledAt },
    });
    return row;
  });
  return brandView(deps.db, deps.config, brand);
}
