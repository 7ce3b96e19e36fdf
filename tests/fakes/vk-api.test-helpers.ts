/** @module Shared setup for the fake VK API tests: a vk-io API client pointed at the fake, and raw calls. */
import { API, type IAPIOptions } from 'vk-io';
import type { FakeVkApi } from './vk-api.ts';

export const GROUP_ID = 1;
export const APP_ID = 7000;

/** A vk-io client bound to the fake, configured like our bot (community token, 20 rps). */
export function vkioApi(fake: FakeVkApi, options: Partial<IAPIOptions> = {}): API {
  return new API({
    token: `group:${GROUP_ID}`,
    apiBaseUrl: fake.url,
    agent: fake.agent,
    apiLimit: 20,
    apiMode: 'parallel_selected',
    apiRetryLimit: 0,
    ...options,
  });
}

/** One raw POST to the fake, the way any HTTP client would call api.vk.com. */
export async function rawCall(fake: FakeVkApi, method: string, params: Record<string, string>): Promise<unknown> {
  const response = await fetch(`${fake.url}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ v: '5.199', ...params }),
  });
  expect200(response.status);
  return response.json();
}

function expect200(status: number): void {
  if (status !== 200) throw new Error(`fake VK API answered HTTP ${status}; VK always answers 200`);
}
