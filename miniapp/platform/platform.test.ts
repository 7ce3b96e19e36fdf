import { describe, expect, it, vi } from 'vitest';
import { openInNewTab } from './browser-actions.ts';
import { createLocalAdapter } from './local.ts';
import { bridgeContact, classifyBridgeError } from './vk.ts';
import { vkLaunchFromUrl } from './vk-launch.ts';

const at = (search: string, hash = '') => ({ search, hash }) as Location;

describe('vkLaunchFromUrl', () => {
  it('passes the raw query on as the VK Authorization value and reads the UI hints', () => {
    const launch = vkLaunchFromUrl(
      at('?vk_user_id=1&vk_app_id=2&vk_group_id=300&vk_language=en&vk_platform=desktop_web&sign=x', '#/campaign/4'),
    );
    expect(launch).toEqual({
      authorization: 'VK vk_user_id=1&vk_app_id=2&vk_group_id=300&vk_language=en&vk_platform=desktop_web&sign=x',
      person: 'vk:1',
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

  it('names no person for a launch without a user (what the device keeps per person is then not kept)', () => {
    expect(vkLaunchFromUrl(at('?vk_app_id=2&sign=x')).person).toBeUndefined();
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

describe('bridgeContact', () => {
  it("item 2: VK's signed phone or e-mail is handed over with its sign; a refusal keeps the field manual", async () => {
    expect(await bridgeContact(async () => ({ value: '79111234567', sign: 'abc' }))).toEqual({
      status: 'done',
      value: '79111234567',
      sign: 'abc',
    });
    expect(
      await bridgeContact(() =>
        Promise.reject({ error_type: 'client_error', error_data: { error_code: 4, error_reason: 'User denied' } }),
      ),
    ).toEqual({ status: 'denied' });
    expect(
      await bridgeContact(() => Promise.reject({ error_type: 'client_error', error_data: { error_code: 6 } })),
    ).toEqual({ status: 'unsupported' });
  });

  it('item 2: outside a VK client no contact is offered, so the lead form stays manual', async () => {
    vi.stubGlobal('window', { location: { search: '?vk_user_id=1', hash: '' } });
    const local = createLocalAdapter();
    vi.unstubAllGlobals();
    expect(await local.getPhoneNumber()).toEqual({ status: 'unsupported' });
    expect(await local.getEmail()).toEqual({ status: 'unsupported' });
  });
});

describe('openInNewTab', () => {
  it('opens web addresses only: a javascript: or data: link from a task never reaches window.open', async () => {
    const open = vi.fn();
    vi.stubGlobal('window', { open });
    try {
      expect(await openInNewTab('https://example.com/promo')).toEqual({ status: 'done' });
      expect(open).toHaveBeenCalledWith('https://example.com/promo', '_blank', 'noopener');
      for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', ' https://x', '']) {
        expect((await openInNewTab(url)).status, url).toBe('failed');
      }
      expect(open).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
