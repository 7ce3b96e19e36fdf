/**
 * @module Entry point of the fake VK API used by integration tests (implementation in ./vk-api/).
 * Tokens: `group:<groupId>` community, `service:<appId>` service, `user:<userId>` user; see ./vk-api/tokens.ts.
 */
export * from './vk-api/index.ts';
