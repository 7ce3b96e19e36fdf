/**
 * @module VK API errors as api.vk.com reports them: the numeric code, VK's own message text, and the
 * `{error: {error_code, error_msg, request_params}}` envelope. Handlers throw `VkApiError`; the
 * dispatcher turns it into the envelope (or into an `execute_errors` entry / a per-peer error).
 */
import type { Params } from './types.ts';

/** VK's message for each code the fake can return (texts as VK's errors.json / api.vk.com word them). */
const VK_ERROR_MESSAGES: Readonly<Record<number, string>> = {
  1: 'Unknown error occurred',
  3: 'Unknown method passed',
  5: 'User authorization failed',
  6: 'Too many requests per second',
  7: 'Permission to perform this action is denied',
  8: 'Invalid request',
  9: 'Flood control',
  10: 'Internal server error',
  12: 'Unable to compile code',
  13: 'Runtime error occurred during code invocation',
  14: 'Captcha needed',
  15: 'Access denied',
  18: 'User was deleted or banned',
  27: 'Group authorization failed: method is unavailable with group auth.',
  28: 'Application authorization failed: method is unavailable with service token.',
  29: 'Rate limit reached',
  100: 'One of the parameters specified was missing or invalid',
  113: 'Invalid user id',
  125: 'Invalid group id',
  900: "Can't send messages for users from blacklist",
  901: "Can't send messages for users without permission",
  902: "Can't send messages to this user due to their privacy settings",
  911: 'Keyboard format is invalid',
  912: 'This is a chat bot feature, change this status in settings',
  914: 'Message is too long',
  943: 'Cannot use this intent',
  944: 'Limits overflow for this intent',
  950: "Can't send message, reply timed out",
};

/** A VK API error raised by a fake method; `detail` is appended the way VK appends it (`<msg>: <detail>`). */
export class VkApiError extends Error {
  readonly code: number;

  constructor(code: number, detail?: string) {
    const base = VK_ERROR_MESSAGES[code] ?? `Error ${code}`;
    super(detail === undefined ? base : `${base}: ${detail}`);
    this.name = 'VkApiError';
    this.code = code;
  }
}

/** Shorthand for the most common error: a missing or invalid parameter (code 100). */
export function invalidParam(detail: string): VkApiError {
  return new VkApiError(100, detail);
}

export interface VkErrorBody {
  error: {
    error_code: number;
    error_msg: string;
    request_params: Array<{ key: string; value: string }>;
  };
}

/** The JSON body api.vk.com answers (with HTTP 200) when a method fails. The token is never echoed. */
export function errorBody(error: VkApiError, method: string, params: Params): VkErrorBody {
  const echoed = Object.entries(params)
    .filter(([key]) => key !== 'access_token')
    .map(([key, value]) => ({ key, value }));
  return {
    error: {
      error_code: error.code,
      error_msg: error.message,
      request_params: [{ key: 'method', value: method }, { key: 'oauth', value: '1' }, ...echoed],
    },
  };
}
