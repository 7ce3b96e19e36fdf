/**
 * The one interface for everything that differs between VK, OK, Telegram and a plain browser.
 * Screens call these methods and never touch vk-bridge or a platform SDK directly.
 */
export type ColorScheme = 'light' | 'dark';
export type PlatformName = 'vk' | 'ok' | 'telegram' | 'local' | 'web';

/** What came of asking the client to do something on the user's behalf. */
export type ActionResult =
  | { status: 'done'; detail?: Record<string, unknown> }
  | { status: 'denied' }
  | { status: 'unsupported' }
  | { status: 'failed'; reason: string };

/**
 * A contact the client hands over on the user's permission (VKWebAppGetPhoneNumber / VKWebAppGetEmail): the value and
 * VK's `sign` over it, which the server checks before it marks the contact verified. Elsewhere `unsupported`, and the
 * field stays typed by hand.
 */
export type ContactResult =
  | { status: 'done'; value: string; sign?: string }
  | { status: 'denied' }
  | { status: 'unsupported' }
  | { status: 'failed'; reason: string };

export interface LaunchInfo {
  /** Value for the `Authorization` header: `VK <query>`, `OK <query>` or `tma <initData>`. */
  authorization: string;
  language: 'ru' | 'en';
  /**
   * Who launched, as the launch names them (`vk:100001`, `ok:5`, `tg:77`): what this device keeps per person (an
   * unsent quiz, screens/promo/quiz-draft.ts). Never an identity the server trusts: it reads the signed launch itself.
   * On the web entry, the VK user the session check names (its cookie is HTTP-only). Absent where no one is known
   * (signed out, the office's preview).
   */
  person?: string;
  /** True on desktop web, where VKUI uses its `vkcom` platform. */
  desktopWeb: boolean;
  groupId?: number;
  /** Screen to open first (Telegram `start_param`, VK hash). */
  startRoute?: string;
}

export interface StoryOptions {
  imageUrl: string;
  link: string;
  linkText?: string;
}

/** The web entry's VK ID session, kept by the server in an HTTP-only cookie (server/auth/vk-id/). */
export interface WebSessionControls {
  /** Asks the server whether this browser is signed in (before the first render). */
  check(): Promise<boolean>;
  /** Where the sign-in button goes: the server starts VK ID's PKCE login there. */
  loginUrl(): string;
  /** The mini app inside VK, for tasks only the VK client can do. */
  vkAppUrl(): string;
  logout(): Promise<void>;
}

export interface PlatformAdapter {
  readonly name: PlatformName;
  readonly launch: LaunchInfo;
  /** Starts talking to the client (VKWebAppInit; Telegram's launch theme); called once, before the first render. */
  init(): Promise<void>;
  /**
   * The first screen is on screen (called once, after React's first commit). Telegram's `web_app_ready` is sent here:
   * it hides the client's loading placeholder, which Telegram asks for once the essential interface is drawn, and the
   * bridge that sends it would otherwise run on the main thread before the first screen (docs/decisions/037).
   */
  firstScreenShown?(): void;
  /** Current colour scheme and its changes; before the client says, the system preference. */
  subscribeColorScheme(listener: (scheme: ColorScheme) => void): () => void;
  /** Native swipe-back on the first screen only (VK), or the platform's own back button (Telegram). */
  setBackNavigation(state: { isFirstScreen: boolean; onBack: () => void }): void;
  /**
   * The client draws a back button of its own above the app on every screen but the first, shown through
   * `setBackNavigation` (Telegram's BackButton): panel headers then draw no Back of theirs, so one back is offered
   * (PanelHeaderWithBack.tsx). VK and OK draw none in the app's space: their headers keep it.
   */
  readonly drawsOwnBack?: boolean;
  joinCommunity(groupId: number): Promise<ActionResult>;
  allowMessages(groupId: number, key: string): Promise<ActionResult>;
  allowNotifications(): Promise<ActionResult>;
  showStory(options: StoryOptions): Promise<ActionResult>;
  share(link: string): Promise<ActionResult>;
  openLink(url: string): Promise<ActionResult>;
  copyText(text: string): Promise<ActionResult>;
  /**
   * Saves a file from a URL through the client's own downloader (VK: `VKWebAppDownloadFile`; a blob download does not
   * work in VK's mobile clients). Absent where the page can save a blob itself (desktop web, the local stand-in).
   */
  downloadFile?(url: string, fileName: string): Promise<ActionResult>;
  haptic(kind: 'success' | 'error' | 'warning'): void;
  /** The user's phone number as the client knows it, signed (VK only). */
  getPhoneNumber(): Promise<ContactResult>;
  /** The user's e-mail as the client knows it, signed (VK only). */
  getEmail(): Promise<ContactResult>;
  /** Only on the web entry (outside any client): the VK ID session. */
  readonly webSession?: WebSessionControls;
}

/** Media query helper shared by adapters for the system colour scheme. */
export function systemColorScheme(): ColorScheme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function subscribeSystemColorScheme(listener: (scheme: ColorScheme) => void): () => void {
  listener(systemColorScheme());
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia('(prefers-color-scheme: dark)');
  const onChange = () => listener(query.matches ? 'dark' : 'light');
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
