import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bridgeSign, verifyBridgeSign } from './vk-bridge-sign.ts';

const doc = { appId: 7770000, secret: 'W7kVvxVxZ4', userId: 162447, field: 'email' as const, value: 'test@gmail.com' };

describe('VK Bridge sign of a phone or e-mail', () => {
  it("item 3: follows VK's documented example and refuses anything changed", () => {
    // VK's PHP: rtrim(strtr(base64_encode(hash('sha256', '7770000W7kVvxVxZ4162447emailtest@gmail.com', true)), '+/', '-_'), '=')
    const php = createHash('sha256')
      .update('7770000W7kVvxVxZ4162447emailtest@gmail.com')
      .digest('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(bridgeSign(doc)).toBe(php);
    expect(verifyBridgeSign({ ...doc, sign: php })).toBe(true);
    expect(
      verifyBridgeSign({
        ...doc,
        sign: createHash('sha256').update('7770000W7kVvxVxZ4162447emailtest@gmail.com').digest('base64'),
      }),
    ).toBe(true);
    expect(verifyBridgeSign({ ...doc, value: 'other@gmail.com', sign: php })).toBe(false);
    expect(verifyBridgeSign({ ...doc, userId: 162448, sign: php })).toBe(false);
    expect(verifyBridgeSign({ ...doc, field: 'phone_number', sign: php })).toBe(false);
    expect(verifyBridgeSign({ ...doc, secret: 'other', sign: php })).toBe(false);
    expect(verifyBridgeSign({ ...doc, secret: '', sign: bridgeSign({ ...doc, secret: '' }) })).toBe(false);
    expect(verifyBridgeSign({ ...doc, sign: 'Y1C99xnbEaR8Wred' })).toBe(false);
    expect(verifyBridgeSign({ ...doc, sign: '' })).toBe(false);
  });
});
