/**
 * The web entry's own words (sign-in with VK ID, sign-out), ru and en: only the `web` build shows them
 * (miniapp/build-contents.ts), so they are not in the shell's message table that every build carries.
 */
export const webEntryMessages = {
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
