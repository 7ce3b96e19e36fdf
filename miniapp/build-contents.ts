/**
 * @module What this build holds, fixed when it is built (vite.config.ts `define`), so that the code for what a build
 * lacks drops out of it instead of waiting behind a runtime check that is never true there. Outside a build (unit
 * tests, the dev server) everything is present.
 */

/**
 * The web entry's VK ID session (sign-in, sign-out, "open in VK"): only the `web` build has it. A dynamic import behind
 * this imported constant would still emit its chunk (the bundler folds it after splitting), so main.tsx tests the
 * define itself at the sign-in screen's import (decision 097).
 */
export const HAS_WEB_ENTRY = import.meta.env.VITE_WEB_ENTRY !== 'absent';

/** The brand office: left out of the iOS single file (docs/decisions/024), where its entry is not offered either. */
export const HAS_OFFICE = import.meta.env.VITE_OFFICE !== 'absent';

/**
 * VKUI's vk.com theme (its desktop platform): left out of the iOS single file, which only the VK iOS client opens
 * (decision 036). Without it the app never asks VKUI for that platform.
 */
export const HAS_VKCOM_THEME = import.meta.env.VITE_VKCOM_THEME !== 'absent';

const PLATFORM = import.meta.env.VITE_PLATFORM;

/**
 * The client this build runs in, as a participant's texts name it ("open the app from …", so Russian in the genitive):
 * the build variant's `platform` (vite.config.ts), the same choice that picks its adapter, so each bundle holds only
 * its own name, folded into the texts. The web entry is VK's (VK ID); outside a build, VK.
 */
export const CLIENT_OF_RU = PLATFORM === 'ok' ? 'Одноклассников' : PLATFORM === 'telegram' ? 'Telegram' : 'ВКонтакте';
export const CLIENT_EN = PLATFORM === 'ok' ? 'OK' : PLATFORM === 'telegram' ? 'Telegram' : 'VK';
