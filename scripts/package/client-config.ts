/**
 * @module One validated description of a client's app (white label): names, app ids per platform,
 * the API base URL, brand colours and logo, the community. `npm run package -- --app <file>` reads it;
 * the Vite build receives it through `PROMO_CLIENT_CONFIG` (JSON) and bakes the values in.
 * Every object is strict: an unknown key (a typo such as `groupID` or `accent_dark`) is an error, not ignored.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { z } from 'zod';
import type { VariantName } from './variants.ts';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #2688EB');

/** Logo files the build can inline (the extension gives the data: URL's type). */
export const LOGO_MIME: Readonly<Record<string, string>> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

export const clientConfigSchema = z.strictObject({
  /** File-name-safe id of the client app: archives are named `<id>-<variant>-<version>.zip`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'lowercase letters, digits and dashes'),
  /** Shown as the page title and in reports. */
  name: z.string().min(1).max(64),
  /** Where the API lives, absolute (the iOS archive is opened from the device, not from a host). */
  apiBaseUrl: z
    .url({ protocol: /^https?$/ })
    .refine((u) => !u.endsWith('/'), 'no trailing slash')
    // VK, OK and Telegram open the app over https: a plain-http API would be blocked as mixed content (local only).
    .refine(
      (u) => u.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(u),
      'https (http only for localhost)',
    ),
  /** `appId` goes into `vk-hosting-config.json` and the packager's test launches; `groupId` into its test world. */
  vk: z.strictObject({ appId: z.number().int().positive(), groupId: z.number().int().positive().optional() }),
  /**
   * Optional even for the `ok` variant: the bundle only uses `groupId` ("join community"; without it the action
   * answers `unsupported`). `appKey` is checked by the server against its own `OK_APP_KEY` / the office's app, not
   * read from here: the packager signs its test launches with it.
   */
  ok: z.strictObject({ appKey: z.string().min(1), groupId: z.string().regex(/^\d+$/).optional() }).optional(),
  /**
   * Optional even for the `telegram` variant: neither the bundle nor the server reads it (the server checks
   * `initData` with its `TELEGRAM_BOT_TOKEN`). A validated record of the BotFather registration (`t.me/<bot>/<app>`).
   */
  telegram: z
    .strictObject({ botUsername: z.string().regex(/^[A-Za-z0-9_]{5,32}$/), appName: z.string().min(1) })
    .optional(),
  colors: z.strictObject({
    /** Accent in the light scheme (buttons, links, icons). */
    accent: hexColor,
    /** Accent in the dark scheme; defaults to `accent`. */
    accentDark: hexColor.optional(),
  }),
  /** Logo as a path relative to the config file or a data: URL; bundled, never fetched from a host. */
  logo: z.string().optional(),
});

export type ClientConfig = z.infer<typeof clientConfigSchema>;

export class ClientConfigError extends Error {
  override name = 'ClientConfigError';
}

/** The logo file a configuration points at (relative to the configuration file), or undefined for none / data: URL. */
export function logoFile(config: Pick<ClientConfig, 'logo'>, configFile: string): string | undefined {
  if (!config.logo || config.logo.startsWith('data:')) return undefined;
  return resolve(dirname(configFile), config.logo);
}

/** What is wrong with the logo field, checked before any build (a bad path is a configuration error). */
function logoProblem(config: ClientConfig, configFile: string): string | undefined {
  if (config.logo?.startsWith('data:')) {
    return /^data:image\/[\w.+-]+[;,]/.test(config.logo) ? undefined : 'a data: URL must be an image (data:image/…)';
  }
  const file = logoFile(config, configFile);
  if (!file) return undefined;
  if (!LOGO_MIME[extname(file).toLowerCase()]) return `use .svg, .png, .jpg, .jpeg or .webp (${file})`;
  if (!existsSync(file)) return `file not found (${file})`;
  if (!statSync(file).isFile()) return `not a file (${file})`;
  return undefined;
}

/** The known keys at a path of the schema, to suggest the one a typo meant. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let node: unknown = clientConfigSchema;
  for (const key of path) {
    const shape = (node as { shape?: Record<string, unknown> }).shape;
    node = shape?.[String(key)];
    const unwrap = (node as { unwrap?: () => unknown } | undefined)?.unwrap;
    if (typeof unwrap === 'function') node = unwrap.call(node);
  }
  return Object.keys((node as { shape?: Record<string, unknown> } | undefined)?.shape ?? {});
}

const fold = (key: string) => key.toLowerCase().replaceAll('_', '').replaceAll('-', '');

function issueLines(issue: z.core.$ZodIssue): string[] {
  const at = (key?: string) => [...issue.path, ...(key === undefined ? [] : [key])].map(String).join('.') || '(root)';
  if (issue.code !== 'unrecognized_keys') return [`  ${at()}: ${issue.message}`];
  const known = knownKeys(issue.path);
  return issue.keys.map((key) => {
    const meant = known.find((k) => fold(k) === fold(key));
    return `  ${at(key)}: unknown key${meant ? ` (did you mean "${meant}"?)` : ''}`;
  });
}

/** Reads and validates a client configuration, its logo file included; each bad or unknown field is named. */
export function loadClientConfig(file: string): ClientConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ClientConfigError(`${file}: cannot read JSON (${(err as Error).message})`);
  }
  const parsed = clientConfigSchema.safeParse(raw);
  const lines = parsed.success ? [] : parsed.error.issues.flatMap(issueLines);
  if (parsed.success) {
    const logo = logoProblem(parsed.data, file);
    if (logo) lines.push(`  logo: ${logo}`);
  }
  if (!parsed.success || lines.length > 0) {
    throw new ClientConfigError(`${basename(file)} is not a valid client configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/**
 * What a variant will lack with this configuration, said on stderr (none of it stops packaging: the sections are
 * optional, see the schema).
 */
export function configNotes(config: ClientConfig, variants: readonly VariantName[]): string[] {
  const notes: string[] = [];
  if (variants.includes('ok') && !config.ok?.groupId) {
    notes.push('[ok] note: no ok.groupId in the configuration: "join community" answers unsupported on OK');
  }
  return notes;
}

/** The part of the configuration the browser bundle needs (no paths, nothing secret). */
export function bundleSettings(config: ClientConfig) {
  return {
    name: config.name,
    apiBaseUrl: config.apiBaseUrl,
    vkAppId: config.vk.appId,
    okAppKey: config.ok?.appKey ?? '',
    okGroupId: config.ok?.groupId ?? '',
    accent: config.colors.accent,
    accentDark: config.colors.accentDark ?? config.colors.accent,
  };
}

export type BundleSettings = ReturnType<typeof bundleSettings>;
