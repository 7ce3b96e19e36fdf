/**
 * Stands in for `@vkontakte/vk-bridge` in the OK and Telegram builds (aliased in vite.config.ts), so those
 * bundles carry no vk-bridge: the shell imports the router's VK location sync (miniapp/router/vk-location-sync.ts)
 * but passes it to the router only in the VK build. Every call answers "not embedded in a VK client".
 */
const unsupported = () =>
  Promise.reject({ error_type: 'client_error', error_data: { error_code: 6, error_reason: 'Not a VK client' } });

const stub = {
  send: unsupported,
  sendPromise: unsupported,
  subscribe: () => {},
  unsubscribe: () => {},
  supports: () => false,
  supportsAsync: async () => false,
  isWebView: () => false,
  isIframe: () => false,
  isEmbedded: () => false,
  isStandalone: () => true,
};

export default stub;
