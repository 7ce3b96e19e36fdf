/**
 * @module One validated description of a client's app (white label): names, app ids per platform,
 * the API base URL, brand colours and logo, the community. `npm run package -- --app <file>` reads it;
 * the Vite build receives it through `PROMO_CLIENT_CONFIG` (JSON) and bakes the values in.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #2688EB');

export const clientConfigSchema = z.object({
  /** File-name-safe id of the client app: archives are named `<id>-<variant>-<version>.zip`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'lowercase letters, digits and dashes'),
  /** Shown as the page title and in reports. */
  name: z.string().min(1).max(64),
  /** Where the API lives, absolute (the iOS archive is opened from the device, not from a host). */
  apiBaseUrl: z.url({ protocol: /^https?$/ }).refine((u) => !u.endsWith('/'), 'no trailing slash'),
  vk: z.object({ appId: z.number().int().positive(), groupId: z.number().int().positive().optional() }),
  ok: z.object({ appKey: z.string().min(1), groupId: z.string().regex(/^\d+$/).optional() }).optional(),
  telegram: z.object({ botUsername: z.string().regex(/^[A-Za-z0-9_]{5,32}$/), appName: z.string().min(1) }).optional(),
  colors: z.object({
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

/** Reads and validates a client configuration; a bad field is named in the error. */
export function loadClientConfig(file: string): ClientConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ClientConfigError(`${file}: cannot read JSON (${(err as Error).message})`);
  }
  const parsed = clientConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ClientConfigError(`${basename(file)} is not a valid client configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
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
