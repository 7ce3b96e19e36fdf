/**
 * @module vk-io's `API` with VK error 6 ("too many requests per second") retried a bounded number of times.
 * vk-io's worker answers error 6 by pausing about a second and asking again, with no limit and no option to set one
 * (`apiRetryLimit` counts network failures only), so a call VK keeps refusing with 6 never settles, and whatever
 * awaits it (an HTTP request, a bot handler) hangs. Here the request itself counts its error-6 answers and, past
 * `TOO_MANY_RETRIES`, rejects with VK's `APIError` 6 like any other VK error: the caller says "VK unavailable".
 */
import { API, APIError, APIRequest } from 'vk-io';

/** Error-6 answers asked again (each after vk-io's ~1.1 s pause) before the call fails: about 2 s in all. */
const TOO_MANY_RETRIES = 2;

const TOO_MANY = 6;

class BoundedRequest extends APIRequest {
  private tooMany = 0;

  override async make(): Promise<unknown> {
    const answer = (await super.make()) as { error?: ConstructorParameters<typeof APIError>[0] } | undefined;
    if (answer?.error?.error_code !== TOO_MANY) return answer;
    this.tooMany += 1;
    if (this.tooMany <= TOO_MANY_RETRIES) return answer;
    // Thrown, the worker's network-failure path takes it; at its retry limit that path rejects at once.
    this.retries = this.api.options.apiRetryLimit;
    throw new APIError(answer.error);
  }
}

/**
 * `API` whose every call (the `api.users.get(...)` proxies, `call`, `execute`) goes through a `BoundedRequest`.
 * @example const api = new BoundedVkApi({ token, apiBaseUrl, agent, apiLimit: 20 })
 */
export class BoundedVkApi extends API {
  override callWithRequest<T = unknown>(request: APIRequest): Promise<T> {
    if (request instanceof BoundedRequest) return super.callWithRequest<T>(request);
    const { method, params, headers } = request;
    return super.callWithRequest<T>(new BoundedRequest({ api: this, method, params, headers }));
  }
}
