/**
 * @module One API request from start to answer, in VK's order of checks: token (5) → `v` present (8) →
 * per-token rate limit (6, an `execute` counts once) → method known (3) → injected failure → the method.
 * `execute` runs each `API.*` call of its script through the same path (minus token/rate checks) and
 * answers `{response: [...results, false for failed], execute_errors: [{method, error_code, error_msg}]}`.
 * Every call (including those inside execute) is recorded; every error returned is tallied.
 */
import { errorBody, invalidParam, VkApiError } from './errors.ts';
import type { LongPollHub } from './long-poll.ts';
import type { MethodContext } from './methods/context.ts';
import { METHODS } from './methods/registry.ts';
import { optionalString } from './params.ts';
import type { SlidingWindowRateLimiter } from './rate-limiter.ts';
import type { FakeVkState } from './state.ts';
import { identifyToken, type TokenIdentity } from './tokens.ts';
import type { Params, RecordedCall } from './types.ts';
import { parseVkScript, type ScriptNode } from './vkscript-parser.ts';

/** VK allows at most 25 API calls in one execute. */
const MAX_EXECUTE_CALLS = 25;

interface ExecuteError {
  method: string;
  error_code: number;
  error_msg: string;
}

/** Who is calling and under which API version; shared by an execute and the calls inside it. */
interface Caller {
  token: string;
  identity: TokenIdentity;
  apiVersion: string;
}

export class ApiDispatcher {
  constructor(
    private readonly state: FakeVkState,
    private readonly longPoll: LongPollHub,
    private readonly limiter: SlidingWindowRateLimiter,
    private readonly origin: () => string,
  ) {}

  /** Answers one HTTP request to `/method/<method>` with the JSON body api.vk.com would send. */
  handleRequest(method: string, params: Params): object {
    const token = params.access_token ?? '';
    const record = this.record(method, token, params, false);
    try {
      const identity = identifyToken(token);
      const apiVersion = optionalString(params, 'v');
      if (apiVersion === undefined) throw new VkApiError(8, 'v (version) is required');
      if (!this.limiter.tryAdmit(token)) throw new VkApiError(6);
      const caller: Caller = { token, identity, apiVersion };
      if (method === 'execute') return this.execute(caller, params);
      return { response: this.invoke(caller, method, params) };
    } catch (error) {
      const vkError = asVkError(error);
      record.errorCode = vkError.code;
      this.state.countError(vkError.code);
      return errorBody(vkError, method, params);
    }
  }

  private execute(caller: Caller, params: Params): object {
    this.throwInjectedFailure('execute');
    const code = optionalString(params, 'code');
    if (code === undefined) throw invalidParam('code is undefined');
    const script = parseVkScript(code);
    const callCount = countCalls(script);
    if (callCount > MAX_EXECUTE_CALLS) {
      throw new VkApiError(13, `too many API calls (${callCount}, max ${MAX_EXECUTE_CALLS})`);
    }
    const errors: ExecuteError[] = [];
    const response = this.evaluate(caller, script, errors);
    return errors.length === 0 ? { response } : { response, execute_errors: errors };
  }

  /** Evaluates the script left to right; a failed API call becomes `false` plus an execute_errors entry. */
  private evaluate(caller: Caller, node: ScriptNode, errors: ExecuteError[]): unknown {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'array':
        return node.items.map((item) => this.evaluate(caller, item, errors));
      case 'object':
        return Object.fromEntries(node.entries.map(([key, value]) => [key, this.evaluate(caller, value, errors)]));
      case 'call': {
        const record = this.record(node.method, caller.token, node.params, true);
        try {
          return this.invoke(caller, node.method, node.params);
        } catch (error) {
          const vkError = asVkError(error);
          record.errorCode = vkError.code;
          this.state.countError(vkError.code);
          errors.push({ method: node.method, error_code: vkError.code, error_msg: vkError.message });
          return false;
        }
      }
    }
  }

  private invoke(caller: Caller, method: string, params: Params): unknown {
    const handler = METHODS.get(method);
    if (!handler) throw new VkApiError(3);
    this.throwInjectedFailure(method);
    const context: MethodContext = {
      params,
      identity: caller.identity,
      apiVersion: caller.apiVersion,
      state: this.state,
      longPoll: this.longPoll,
      origin: this.origin(),
    };
    return handler(context);
  }

  private throwInjectedFailure(method: string): void {
    const code = this.state.takeInjectedFailure(method);
    if (code !== undefined) throw new VkApiError(code);
  }

  private record(method: string, token: string, params: Params, viaExecute: boolean): RecordedCall {
    const { access_token: _token, ...visible } = params;
    const call: RecordedCall = { method, token, params: visible, at: this.state.clock() };
    if (viaExecute) call.viaExecute = true;
    this.state.calls.push(call);
    return call;
  }
}

function countCalls(node: ScriptNode): number {
  if (node.kind === 'call') return 1;
  if (node.kind === 'array') return node.items.reduce((sum, item) => sum + countCalls(item), 0);
  if (node.kind === 'object') return node.entries.reduce((sum, [, value]) => sum + countCalls(value), 0);
  return 0;
}

/** A bug inside the fake surfaces as VK's error 1 with the cause in the message, rather than a dead socket. */
function asVkError(error: unknown): VkApiError {
  if (error instanceof VkApiError) return error;
  return new VkApiError(1, error instanceof Error ? `fake VK API bug: ${error.message}` : String(error));
}
