import { describe, expect, it } from 'vitest';
import { classifyBridgeError } from './vk.ts';
import { vkLaunchFromUrl } from './vk-launch.ts';

const at = (search: string, hash = '') => ({ search, hash }) as Location;

describe('vkLaunchFromUrl', () => {
  it('passes the raw query on as the VK Authorization value and reads the UI hints', () => {
    const launch = vkLaunchFromUrl(
      at('?vk_user_id=1&vk_app_id=2&vk_group_id=300&vk_language=en&vk_platform=desktop_web&sign=x', '#/campaign/4'),
    );
    expect(launch).toEqual({
      authorization: 'VK vk_user_id=1&vk_app_id=2&vk_group_id=300&vk_language=en&vk_platform=desktop_web&sign=x',
      language: 'en',
      desktopWeb: true,
      groupId: 300,
      startRoute: '/campaign/4',
    });
  });

  it('defaults to Russian and mobile, and ignores a bad group id', () => {
    const launch = vkLaunchFromUrl(at('?vk_user_id=1&vk_group_id=abc&vk_platform=mobile_iphone'));
    expect(launch.language).toBe('ru');
    expect(launch.desktopWeb).toBe(false);
    expect(launch.groupId).toBeUndefined();
  });

  it('maps the CIS languages VK sends to Russian', () => {
    for (const code of ['ru', 'uk', 'be', 'kz'])
      expect(vkLaunchFromUrl(at(`?vk_language=${code}`)).language).toBe('ru');
  });
});

describe('classifyBridgeError', () => {
  it('reads a user refusal as denied', () => {
    expect(
      classifyBridgeError({ error_type: 'client_error', error_data: { error_code: 4, error_reason: 'User denied' } }),
    ).toEqual({ status: 'denied' });
  });
  it('reads code 6 as unsupported on this platform', () => {
    expect(
      classifyBridgeError({
        error_type: 'client_error',
        error_data: { error_code: 6, error_reason: 'Unsupported platform' },
      }),
    ).toEqual({ status: 'unsupported' });
  });
  it('keeps the reason of anything else', () => {
    expect(
      classifyBridgeError({ error_type: 'api_error', error_data: { error_code: 15, error_msg: 'Access denied' } }),
    ).toEqual({ status: 'failed', reason: 'Access denied' });
    expect(classifyBridgeError(undefined)).toEqual({ status: 'failed', reason: 'Unknown error' });
  });
});
