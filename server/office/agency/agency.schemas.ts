/** @module Request and response shapes of the agency API (agency.routes.ts). */
import { z } from '@hono/zod-openapi';
import { ClientKey } from '../../http/client-key.ts';
import { RowIdParam, rowId } from '../../http/row-id.ts';
import { authErrors, errorResponse } from '../../http/schemas.ts';
import { someFieldGiven } from '../../http/some-field-given.ts';
import { visibleText } from '../../http/text-fields.ts';
import { SavedAtField } from '../one-save-per-copy.ts';

/** A token as pasted: printable, no spaces; it is stored sealed and never answered back in full. */
const Token = z
  .string()
  .min(8)
  .max(512)
  .regex(/^[\x21-\x7e]+$/, 'printable characters without spaces')
  .openapi({ description: 'Write-only: answered back masked' });
/** A brand's, community's or app's name: the office lists it, the participant sees the brand's. */
const Name = visibleText(120);
const Masked = z.string().nullable().openapi({ example: 'vk1.a…f3c9', description: 'Masked; null when none is set' });

/** 64 KB of image as a data: URL, base64 (4 characters carry 3 bytes) plus its header. */
export const MAX_LOGO_BYTES = 64 * 1024;
const dataImage = /^data:image\/(png|jpeg|webp|gif);base64,([A-Za-z0-9+/]+={0,2})$/;
export const LogoUrl = z
  .string()
  .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 40)
  .refine((v) => {
    const data = dataImage.exec(v);
    if (data) return Buffer.from(data[2] ?? '', 'base64').length <= MAX_LOGO_BYTES;
    return URL.canParse(v) && new URL(v).protocol === 'https:' && v.length <= 2048;
  }, 'an https:// URL or a data:image (png, jpeg, webp, gif) of at most 64 KB')
  .nullable();
export const Accent = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
  .nullable();

/**
 * The secret VK signs this community's Callback API updates with, chosen by whoever sets the server up in VK (VK's
 * field: Latin letters and digits, up to 50); write-only, the office learns only whether one is set.
 */
const CallbackSecret = z
  .string()
  .min(8)
  .max(50)
  .regex(/^[A-Za-z0-9]+$/, 'Latin letters and digits, as VK takes it')
  .openapi({ description: 'Write-only: never answered back, not even masked' });
/** The string VK asks this server to answer its `confirmation` with (VK shows it beside the server address). */
const CallbackConfirmation = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9]+$/, 'Latin letters and digits, as VK shows it');

export const CommunityViewSchema = z.object({
  id: z.number().int(),
  vkGroupId: z.number().int(),
  name: z.string(),
  token: Masked,
  callbackConfirmation: z.string().nullable().openapi({ description: 'Its Callback API confirmation string' }),
  callbackSecretSet: z.boolean().openapi({ description: 'Whether its Callback API secret is stored (never answered)' }),
  callbackByServer: z.boolean().openapi({
    description:
      'Its updates are checked with VK_CALLBACK_SECRET: the configured community (VK_GROUP_ID), or, without VK_GROUP_ID, one with no secret of its own',
  }),
  callbackSettable: z.boolean().openapi({
    description: 'What is stored here is used (false: the configured community while VK_CALLBACK_SECRET is set)',
  }),
  callbackAccepts: z.boolean().openapi({ description: 'POST /vk/callback takes its updates (a secret applies)' }),
  callbackConfirms: z.boolean().openapi({
    description: "VK's confirmation is answered (a code applies); false: VK cannot confirm the server",
  }),
  updatedAt: z.number().int().openapi({ description: 'Its last save (ms); an edit sends it back as `savedAt`' }),
});
export const AppViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  vkAppId: z.number().int().nullable(),
  okAppKey: z.string().nullable(),
  telegramBotId: z.string().nullable(),
  vkSecret: Masked,
  vkServiceToken: Masked,
  updatedAt: z.number().int().openapi({ description: 'Its last save (ms); an edit sends it back as `savedAt`' }),
});
export const AgencyBrandSchema = z
  .object({
    id: z.number().int(),
    agencyId: z.number().int(),
    name: z.string(),
    disabledAt: z.number().int().nullable().openapi({ description: 'When the agency switched it off; null: on' }),
    updatedAt: z.number().int().openapi({ description: 'Its last rename (ms); a rename sends it back as `savedAt`' }),
    liveCampaigns: z.number().int(),
    communities: z.array(CommunityViewSchema),
    apps: z.array(AppViewSchema),
  })
  .openapi('AgencyBrand');
export const AgencySettingsSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    logoUrl: z.string().nullable(),
    accent: z.string().nullable(),
    /** Whether admins of the agency's connected communities may claim brand admin (PUT …/community-claim). */
    allowCommunityAdminClaim: z.boolean(),
    updatedAt: z.number().int().openapi({ description: 'Its last save (ms); an edit sends it back as `savedAt`' }),
  })
  .openapi('AgencySettings');

export const BrandParams = z.object({ brandId: RowIdParam });
/** `clientKey`: one per "new brand" composed, so a double click or a retry makes one brand (agency-brands.ts). */
export const CreateBrandBody = z.object({ agencyId: rowId(), name: Name, clientKey: ClientKey.optional() });
export const EditBrandBody = z.object({ name: Name, savedAt: SavedAtField });
const CallbackFields = {
  callbackConfirmation: CallbackConfirmation.nullable().optional(),
  callbackSecret: CallbackSecret.nullable().optional(),
};
export const ConnectCommunityBody = z.object({
  vkGroupId: z.number().int().positive(),
  name: Name,
  token: Token.nullable().optional(),
  ...CallbackFields,
});
export const EditCommunityBody = z
  .object({ name: Name.optional(), token: Token.nullable().optional(), ...CallbackFields, savedAt: SavedAtField })
  .superRefine(someFieldGiven(['name', 'token', 'callbackConfirmation', 'callbackSecret'], 'nothing to change'));
const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();
const AppFields = {
  vkAppId: z.number().int().positive().nullable().optional(),
  vkSecret: Token.nullable().optional(),
  vkServiceToken: Token.nullable().optional(),
  okAppKey: optionalText(64),
  telegramBotId: z
    .string()
    .regex(/^\d{1,20}$/, "the bot's numeric id (the part of its token before the colon)")
    .nullable()
    .optional(),
};
const APP_FIELD_NAMES = Object.keys(AppFields) as (keyof typeof AppFields)[];
export const ConnectAppBody = z.object({ name: Name, ...AppFields });
export const EditAppBody = z
  .object({ name: Name.optional(), ...AppFields, savedAt: SavedAtField })
  .superRefine(someFieldGiven(['name', ...APP_FIELD_NAMES], 'nothing to change'));
export const SettingsQuery = z.object({ agencyId: RowIdParam });
export const SettingsBody = z
  .object({
    agencyId: rowId(),
    name: Name.optional(),
    logoUrl: LogoUrl.optional(),
    accent: Accent.optional(),
    savedAt: SavedAtField,
  })
  .superRefine(someFieldGiven(['name', 'logoUrl', 'accent'], 'nothing to change'));

export const agencyErrors = {
  ...authErrors,
  403: errorResponse('forbidden: not the agency of this brand (the same answer whether it exists or not)'),
  404: errorResponse('The brand has no such community or app'),
  409: errorResponse(
    'The community or app is already connected, the brand is already switched off/on, or `saved_meanwhile`: ' +
      'someone saved the settings, brand name, community or app after the copy this edit names (`savedAt`); nothing is written',
  ),
  422: errorResponse('invalid_input with issues by field'),
  503: errorResponse('secrets_key_missing: this server cannot store tokens (no SECRETS_KEY)'),
} as const;
