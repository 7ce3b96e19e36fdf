import { HAS_WEB_ENTRY } from '../../build-contents.ts';

/** The web entry's own words (sign-in with VK ID, sign-out), ru and en. */
const words = {
  ru: {
    webSignInTitle: 'Вход через VK ID',
    webSignInText: 'Войдите с аккаунтом VK: ваши задания, призы и обращения те же, что в мини-приложении ВКонтакте.',
    webSignIn: 'Войти с VK ID',
    webSignOut: 'Выйти',
  },
  en: {
    webSignInTitle: 'Sign in with VK ID',
    webSignInText: 'Sign in with your VK account: your tasks, prizes and tickets are the same as in the VK mini app.',
    webSignIn: 'Sign in with VK ID',
    webSignOut: 'Sign out',
  },
} as const;

/**
 * Only the `web` build shows them (miniapp/build-contents.ts): the others fold this to undefined when they are built
 * and leave the words out, though the sign-in chunk and the home screen still name this module.
 */
export const webEntryMessages: typeof words | undefined = HAS_WEB_ENTRY ? words : undefined;
