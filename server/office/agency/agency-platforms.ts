/**
 * @module A brand's VK communities and apps as the agency connects them: ids, names and tokens. A token is sealed
 * for its row before it is stored (agency-secrets.ts) and appears in answers and in the audit log only masked.
 */
import { and, eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { requireAgencyAccess } from '../../auth/permissions.ts';
import type { Config } from '../../config.ts';
import { schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { campaignsOfApp, outboxFollowsCampaignApp } from '../../mailing/outbox-app.ts';
import { recordAudit, setChangesNothing } from '../audit.ts';
import { nextSavedAt, SavedMeanwhileError } from '../one-save-per-copy.ts';
import { brandView } from './agency-brands.ts';
import { keepsToken, maskedToken, sealToken, secretPlace } from './agency-secrets.ts';

const { apps, communities } = schema;
type CommunityRow = typeof communities.$inferSelect;
type AppRow = typeof apps.$inferSelect;

/** A community's Callback API server here (decision 084): undefined keeps what is stored, null removes it. */
interface CallbackInput {
  callbackConfirmation?: string | null;
  callbackSecret?: string | null;
}

export interface CommunityInput extends CallbackInput {
  vkGroupId: number;
  name: string;
  token?: string | null;
}

export interface AppInput {
  name: string;
  vkAppId?: number | null;
  vkSecret?: string | null;
  vkServiceToken?: string | null;
  okAppKey?: string | null;
  telegramBotId?: string | null;
}

const auditedCommunity = (config: Config, c: CommunityRow) => ({
  vkGroupId: c.vkGroupId,
  name: c.name,
  token: maskedToken(config, c.tokenCiphertext, secretPlace.community(c.vkGroupId)),
  // The secret chosen by a person may be short: the audit says only whether one is set, never a mask of it.
  callbackConfirmation: c.callbackConfirmation,
  callbackSecretSet: c.callbackSecretCiphertext !== null,
});

/** The callback columns the input sets (undefined: keep, null: remove), the secret sealed for its community. */
function callbackColumns(config: Config, vkGroupId: number, input: CallbackInput) {
  const { callbackSecret: secret, callbackConfirmation } = input;
  return {
    ...(callbackConfirmation === undefined ? {} : { callbackConfirmation }),
    ...(secret === undefined
      ? {}
      : {
          callbackSecretCiphertext:
            secret === null ? null : sealToken(config, secret, secretPlace.callbackSecret(vkGroupId)),
        }),
  };
}

const auditedApp = (config: Config, a: AppRow) => ({
  name: a.name,
  vkAppId: a.vkAppId,
  okAppKey: a.okAppKey,
  telegramBotId: a.telegramBotId,
  vkSecret: maskedToken(config, a.vkSecretCiphertext, secretPlace.vkSecret(a.id)),
  vkServiceToken: maskedToken(config, a.vkServiceTokenCiphertext, secretPlace.vkServiceToken(a.id)),
});

async function refuseTakenGroup(tx: Tx, vkGroupId: number, exceptId?: number) {
  const [taken] = await tx.select({ id: communities.id }).from(communities).where(eq(communities.vkGroupId, vkGroupId));
  if (taken && taken.id !== exceptId) {
    throw new ApiError(409, 'community_taken', `VK community ${vkGroupId} is already connected`);
  }
}

/** Connects a VK community (id, name, community token) to a brand. */
export async function connectCommunity(deps: Deps, identity: Identity, brandId: number, input: CommunityInput) {
  const { brand } = await requireAgencyAccess(deps.db, identity, brandId);
  const tokenCiphertext = input.token
    ? sealToken(deps.config, input.token, secretPlace.community(input.vkGroupId))
    : null;
  const callback = callbackColumns(deps.config, input.vkGroupId, input);
  await inTransaction(deps.db, async (tx) => {
    await refuseTakenGroup(tx, input.vkGroupId);
    const row = inserted(
      await tx
        .insert(communities)
        .values({ brandId, vkGroupId: input.vkGroupId, name: input.name, tokenCiphertext, ...callback })
        .returning(),
    );
    await recordAudit(tx, {
      actor: identity,
      brandId,
      section: 'agency',
      action: 'community.connect',
      entity: 'community',
      entityId: row.id,
      after: auditedCommunity(deps.config, row),
    });
  });
  return brandView(deps.db, deps.config, brand);
}

/**
 * Renames a community or replaces (or, with null, removes) its token, if it is still the copy the edit was made on
 * (`savedAt`), else 409 `saved_meanwhile` and nothing written; its VK id stays (it is what the token is for).
 */
export async function editCommunity(
  deps: Deps,
  identity: Identity,
  brandId: number,
  communityId: number,
  input: CallbackInput & { name?: string; token?: string | null; savedAt: number },
) {
  const { brand } = await requireAgencyAccess(deps.db, identity, brandId);
  await inTransaction(deps.db, async (tx) => {
    const [before] = await tx
      .select()
      .from(communities)
      .where(and(eq(communities.id, communityId), eq(communities.brandId, brandId)));
    if (!before) throw new ApiError(404, 'community_not_found', `The brand has no community ${communityId}`);
    const place = secretPlace.community(before.vkGroupId);
    // The copy it was made on, saved as it is: nothing written, nothing audited, the copy still current (decision 067).
    if (before.updatedAt === input.savedAt && communityKept(deps.config, before, input)) return;
    const tokenCiphertext =
      input.token === undefined
        ? before.tokenCiphertext
        : input.token === null
          ? null
          : sealToken(deps.config, input.token, place);
    const [row] = await tx
      .update(communities)
      .set({
        name: input.name ?? before.name,
        tokenCiphertext,
        ...callbackColumns(deps.config, before.vkGroupId, input),
        updatedAt: nextSavedAt(deps.now(), input.savedAt),
      })
      .where(and(eq(communities.id, communityId), eq(communities.updatedAt, input.savedAt)))
      .returning();
    if (!row) throw new SavedMeanwhileError('community');
    await recordAudit(tx, {
      actor: identity,
      brandId,
      section: 'agency',
      action: communityAction(input),
      entity: 'community',
      entityId: communityId,
      before: auditedCommunity(deps.config, before),
      after: auditedCommunity(deps.config, row),
    });
  });
  return brandView(deps.db, deps.config, brand);
}

/** Whether a community edit leaves the row as it is: each field it sets already so, a token the one stored. */
function communityKept(
  config: Config,
  row: CommunityRow,
  input: CallbackInput & { name?: string | undefined; token?: string | null | undefined },
): boolean {
  const { callbackConfirmation: confirmation } = input;
  return (
    (input.name === undefined || input.name === row.name) &&
    (confirmation === undefined || confirmation === row.callbackConfirmation) &&
    keepsToken(config, row.tokenCiphertext, secretPlace.community(row.vkGroupId), input.token) &&
    keepsToken(config, row.callbackSecretCiphertext, secretPlace.callbackSecret(row.vkGroupId), input.callbackSecret)
  );
}

/** The audit's name for a community edit: a token or callback secret replaced is named as such. */
function communityAction(input: CallbackInput & { token?: string | null }): string {
  if (input.token !== undefined) return 'community.replace_token';
  if (input.callbackSecret !== undefined || input.callbackConfirmation !== undefined) return 'community.set_callback';
  return 'community.update';
}

/**
 * Each platform's app id belongs to one app: a launch is matched to its brand's campaigns by it, so an OK app key or
 * a Telegram bot id on two brands' apps would show one brand's campaigns under the other's launch (found from
 * outside: only the VK id was checked). The unique indexes stand behind this check.
 */
async function refuseTakenApp(
  tx: Tx,
  ids: Partial<Pick<AppInput, 'vkAppId' | 'okAppKey' | 'telegramBotId'>>,
  exceptId?: number,
) {
  const checks = [
    ids.vkAppId != null && { column: apps.vkAppId, value: ids.vkAppId, name: 'VK app' },
    ids.okAppKey != null && { column: apps.okAppKey, value: ids.okAppKey, name: 'OK app key' },
    ids.telegramBotId != null && { column: apps.telegramBotId, value: ids.telegramBotId, name: 'Telegram bot' },
  ];
  for (const check of checks) {
    if (!check) continue;
    const [taken] = await tx.select({ id: apps.id }).from(apps).where(eq(check.column, check.value));
    if (taken && taken.id !== exceptId) {
      throw new ApiError(409, 'app_taken', `${check.name} ${check.value} is already connected`);
    }
  }
}

/** The fields an edit sets (one left out keeps its value). */
const definedOnly = (set: object) => Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));

/** The sealed columns for the tokens the input sets (undefined: keep, null: remove). */
function sealedAppTokens(config: Config, appRowId: number, input: Partial<AppInput>) {
  const sealed = (token: string | null | undefined, place: string) =>
    token === undefined ? undefined : token === null ? null : sealToken(config, token, place);
  return {
    vkSecretCiphertext: sealed(input.vkSecret, secretPlace.vkSecret(appRowId)),
    vkServiceTokenCiphertext: sealed(input.vkServiceToken, secretPlace.vkServiceToken(appRowId)),
  };
}

/** Connects an app (VK app id with its secure key and service token, OK app key, Telegram bot id) to a brand. */
export async function connectApp(deps: Deps, identity: Identity, brandId: number, input: AppInput) {
  const { brand } = await requireAgencyAccess(deps.db, identity, brandId);
  if (input.vkSecret || input.vkServiceToken) sealToken(deps.config, '', 'probe'); // 503 before any write
  await inTransaction(deps.db, async (tx) => {
    await refuseTakenApp(tx, input);
    const created = inserted(
      await tx
        .insert(apps)
        .values({
          brandId,
          name: input.name,
          vkAppId: input.vkAppId ?? null,
          okAppKey: input.okAppKey ?? null,
          telegramBotId: input.telegramBotId ?? null,
        })
        .returning(),
    );
    // The row id is part of the tokens' place, so they are sealed once it exists (same transaction). An app
    // connected without tokens has nothing to seal (drizzle refuses an empty SET).
    const row =
      input.vkSecret || input.vkServiceToken
        ? inserted(
            await tx
              .update(apps)
              .set(sealedAppTokens(deps.config, created.id, input))
              .where(eq(apps.id, created.id))
              .returning(),
          )
        : created;
    await recordAudit(tx, {
      actor: identity,
      brandId,
      section: 'agency',
      action: 'app.connect',
      entity: 'app',
      entityId: row.id,
      after: auditedApp(deps.config, row),
    });
  });
  return brandView(deps.db, deps.config, brand);
}

/**
 * Edits an app's ids and name, or replaces (null: removes) its tokens, if it is still the copy the edit was made on
 * (`savedAt`), else 409 `saved_meanwhile` and nothing written.
 */
export async function editApp(
  deps: Deps,
  identity: Identity,
  brandId: number,
  appId: number,
  input: Partial<AppInput> & { savedAt: number },
) {
  const { brand } = await requireAgencyAccess(deps.db, identity, brandId);
  await inTransaction(deps.db, async (tx) => {
    const [before] = await tx
      .select()
      .from(apps)
      .where(and(eq(apps.id, appId), eq(apps.brandId, brandId)));
    if (!before) throw new ApiError(404, 'app_not_found', `The brand has no app ${appId}`);
    await refuseTakenApp(tx, input, appId);
    const { vkSecret, vkServiceToken, savedAt, ...plain } = input;
    // The copy it was made on, saved as it is: nothing written, nothing audited, the copy still current (decision 067).
    const kept =
      setChangesNothing(before, definedOnly(plain)) &&
      keepsToken(deps.config, before.vkSecretCiphertext, secretPlace.vkSecret(appId), vkSecret) &&
      keepsToken(deps.config, before.vkServiceTokenCiphertext, secretPlace.vkServiceToken(appId), vkServiceToken);
    if (before.updatedAt === savedAt && kept) return;
    const [row] = await tx
      .update(apps)
      .set({
        ...plain,
        ...sealedAppTokens(deps.config, appId, { vkSecret, vkServiceToken }),
        updatedAt: nextSavedAt(deps.now(), savedAt),
      })
      .where(and(eq(apps.id, appId), eq(apps.updatedAt, savedAt)))
      .returning();
    if (!row) throw new SavedMeanwhileError('app');
    // Its campaigns' notifications still to send follow its new VK id (outbox-app.ts).
    if (row.vkAppId !== before.vkAppId) await outboxFollowsCampaignApp(tx, campaignsOfApp(tx, appId));
    const replacing = vkSecret !== undefined || vkServiceToken !== undefined;
    await recordAudit(tx, {
      actor: identity,
      brandId,
      section: 'agency',
      action: replacing ? 'app.replace_token' : 'app.update',
      entity: 'app',
      entityId: appId,
      before: auditedApp(deps.config, before),
      after: auditedApp(deps.config, row),
    });
  });
  return brandView(deps.db, deps.config, brand);
}
