/**
 * @module The stand-in clients' page code. VK web: a parent page that embeds the app in an iframe and answers
 * vk-bridge 3's web transport (`postMessage({type:'vk-connect', handler, params})` → `{type: handler+'Result',
 * data}`). VK iOS: `window.webkit.messageHandlers.<method>.postMessage` answered with `VKWebAppEvent`.
 * Telegram: `window.TelegramWebviewProxy.postEvent` (the mobile transport of @telegram-apps/bridge), answered
 * through `Telegram.WebView.receiveEvent`. OK: a FAPI that records UI calls and answers `API_callback`.
 * Every client records what the app asked for, with the time since the page started, for the checks to read.
 */

/** `/client/vk.html?src=<app url>&appearance=light|dark` */
export const VK_PARENT_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>VK stand-in</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style></head>
<body><script>
const q = new URLSearchParams(location.search);
const appearance = q.get('appearance') === 'dark' ? 'dark' : 'light';
window.__bridgeCalls = [];
const frame = document.createElement('iframe');
frame.title = 'mini app';
frame.src = q.get('src');
window.addEventListener('message', (e) => {
  const d = e.data;
  if (!d || d.type !== 'vk-connect' || e.source !== frame.contentWindow) return;
  const params = d.params || {};
  window.__bridgeCalls.push({ method: d.handler, params, at: performance.now() });
  const reply = (type, data) => e.source.postMessage({ type, data }, '*');
  const rid = params.request_id;
  if (d.handler === 'VKWebAppInit') {
    reply('VKWebAppInitResult', { result: true, request_id: rid });
    reply('VKWebAppUpdateConfig', { appearance, scheme: appearance === 'dark' ? 'space_gray' : 'bright_light', app: 'vkclient' });
  } else if (d.handler === 'VKWebAppGetConfig') {
    reply('VKWebAppGetConfigResult', { appearance, app: 'vkclient', request_id: rid });
  } else {
    reply(d.handler + 'Result', { result: true, request_id: rid });
  }
});
document.body.append(frame);
</script></body></html>`;

/** Init script for the iOS WebView stand-in; `__APPEARANCE__` is replaced. */
export const VK_IOS_INIT_SCRIPT = `(() => {
  const appearance = '__APPEARANCE__';
  window.__bridgeCalls = [];
  const emit = (type, data) => window.dispatchEvent(new CustomEvent('VKWebAppEvent', { detail: { type, data } }));
  const handler = (method) => ({
    postMessage(params) {
      params = params || {};
      window.__bridgeCalls.push({ method, params, at: performance.now() });
      setTimeout(() => {
        if (method === 'VKWebAppInit') {
          emit('VKWebAppInitResult', { result: true, request_id: params.request_id });
          emit('VKWebAppUpdateConfig', { appearance, scheme: appearance === 'dark' ? 'space_gray' : 'bright_light', app: 'vkclient' });
        } else emit(method + 'Result', { result: true, request_id: params.request_id });
      }, 0);
    },
  });
  window.webkit = { messageHandlers: new Proxy({}, { get: (_, method) => (typeof method === 'string' ? handler(method) : undefined) }) };
})();`;

/** Init script for the Telegram stand-in; `__THEME__` is replaced with the theme params JSON. */
export const TELEGRAM_INIT_SCRIPT = `(() => {
  const theme = __THEME__;
  window.__tgEvents = [];
  const receive = (type, data) => window.Telegram && window.Telegram.WebView && window.Telegram.WebView.receiveEvent(type, data);
  window.TelegramWebviewProxy = {
    postEvent(type, data) {
      const parsed = data ? JSON.parse(data) : undefined;
      window.__tgEvents.push({ type, data: parsed, at: performance.now() });
      if (type === 'web_app_request_theme') setTimeout(() => receive('theme_changed', { theme_params: theme }), 0);
      if (type === 'web_app_request_viewport')
        setTimeout(() => receive('viewport_changed', { height: innerHeight, width: innerWidth, is_expanded: true, is_state_stable: true }), 0);
    },
  };
  window.__tgPressBack = () => receive('back_button_pressed');
})();`;

export const TELEGRAM_THEMES = {
  light: {
    bg_color: '#ffffff',
    text_color: '#000000',
    hint_color: '#707579',
    link_color: '#2481cc',
    button_color: '#2481cc',
    button_text_color: '#ffffff',
    secondary_bg_color: '#f0f0f0',
    section_bg_color: '#ffffff',
  },
  dark: {
    bg_color: '#212121',
    text_color: '#ffffff',
    hint_color: '#aaaaaa',
    link_color: '#8774e1',
    button_color: '#8774e1',
    button_text_color: '#ffffff',
    secondary_bg_color: '#181818',
    section_bg_color: '#212121',
  },
} as const;

/** OK's FAPI as the stand-in serves it from the launch's `api_server`: records calls, answers `ok`. */
export const FAKE_FAPI_JS = `window.__okCalls = window.__okCalls || [];
window.FAPI = {
  init(server, connection, ok) { window.__okCalls.push({ method: 'init', args: [server, connection] }); setTimeout(ok, 0); },
  UI: new Proxy({}, { get: (_, name) => (...args) => {
    window.__okCalls.push({ method: String(name), args });
    setTimeout(() => window.API_callback && window.API_callback(String(name), 'ok', null), 0);
  } }),
};`;
