/**
 * The platform the previewed screens see: the office's own launch (language set by the frame's toggle), and client
 * actions that do nothing, so a tap on "join the community" in the preview neither asks VK nor reaches the server.
 */
import type { ColorScheme, PlatformAdapter } from '../../platform/types.ts';

export function previewPlatform(
  office: PlatformAdapter,
  language: 'ru' | 'en',
  colorScheme: ColorScheme,
): PlatformAdapter {
  const unsupported = () => Promise.resolve({ status: 'unsupported' as const });
  return {
    name: office.name,
    // No person: a previewed quiz keeps no draft that would come back in the member's own participation (quiz-draft.ts).
    launch: { ...office.launch, person: undefined, language, desktopWeb: false, startRoute: undefined },
    init: () => Promise.resolve(),
    subscribeColorScheme: (listener) => {
      listener(colorScheme);
      return () => {};
    },
    setBackNavigation: () => {},
    joinCommunity: unsupported,
    allowMessages: unsupported,
    allowNotifications: unsupported,
    showStory: unsupported,
    share: unsupported,
    openLink: unsupported,
    copyText: unsupported,
    haptic: () => {},
    getPhoneNumber: unsupported,
    getEmail: unsupported,
  };
}
