/**
 * @module SSRF guard for the brand's CRM webhook. A brand types the URL, so the server must not become its proxy into
 * the hosting network: https only, and never an address that is loopback, private, link-local (the cloud metadata
 * service at 169.254.169.254 included), carrier-grade NAT, multicast, unspecified or otherwise reserved. The URL is
 * checked on save (a literal bad host is a 422) and again at connect time on every address DNS answers
 * (`guardedLookup`), so a name that resolves to a public address on save and to 127.0.0.1 later (DNS rebinding) is
 * still refused. `CRM_WEBHOOK_ALLOW_LOCAL` (tests and local development only, refused in production) lifts both
 * rules so the fake CRM on 127.0.0.1 can be reached over plain http.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const classes: [string, BlockList][] = [];
function addClass(name: string, v4: [string, number][], v6: [string, number][] = []): void {
  const list = new BlockList();
  for (const [net, prefix] of v4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of v6) list.addSubnet(net, prefix, 'ipv6');
  classes.push([name, list]);
}
// Node's BlockList also matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against the IPv4 subnets.
addClass('metadata', [['169.254.169.254', 32]], [['fd00:ec2::254', 128]]);
addClass('loopback', [['127.0.0.0', 8]], [['::1', 128]]);
addClass('unspecified', [['0.0.0.0', 8]], [['::', 128]]);
addClass('private', [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
]);
addClass('unique-local', [], [['fc00::', 7]]);
addClass('link-local', [['169.254.0.0', 16]], [['fe80::', 10]]);
addClass('multicast', [['224.0.0.0', 4]], [['ff00::', 8]]);
addClass(
  'reserved',
  [
    ['192.0.0.0', 24],
    ['192.0.2.0', 24],
    ['198.18.0.0', 15],
    ['198.51.100.0', 24],
    ['203.0.113.0', 24],
    ['240.0.0.0', 4],
  ],
  [
    ['64:ff9b::', 96],
    ['100::', 64],
    ['2001:db8::', 32],
    // Addresses that carry an IPv4 address inside (IPv4-compatible ::a.b.c.d, 6to4 2002:aabb:ccdd::, Teredo): the
    // IPv4 one may be loopback or private, and none is a CRM's address today (found from outside: [::7f00:1]).
    ['::', 96],
    ['2002::', 16],
    ['2001::', 32],
  ],
);

/** The class of an address the webhook must not reach (`loopback`, `private`, …), or undefined when it is public. */
export function forbiddenAddressClass(address: string): string | undefined {
  const family = isIP(address);
  if (family === 0) return 'not-an-address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [name, list] of classes) if (list.check(address, type)) return name;
  return undefined;
}

/** The host of a URL as an IP literal (brackets stripped), or undefined when it is a name. */
function literalHost(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) ? host : undefined;
}

/**
 * Why a webhook URL is refused before any connection: a stable `code` the office words in the member's language
 * (with `params`), and an English `message` for the API's developers.
 */
export interface WebhookUrlProblem {
  code: 'not_a_url' | 'not_https' | 'has_credentials' | 'forbidden_host';
  message: string;
  params?: { host: string; addressClass: string };
}

/**
 * Why a webhook URL is refused before any connection, or undefined when it may be tried.
 * @example webhookUrlProblem('http://127.0.0.1/hook', false)?.code // 'not_https'
 */
export function webhookUrlProblem(raw: string, allowLocal: boolean): WebhookUrlProblem | undefined {
  if (!URL.canParse(raw)) return { code: 'not_a_url', message: 'not a URL' };
  const url = new URL(raw);
  if (url.protocol !== 'https:' && !(allowLocal && url.protocol === 'http:')) {
    return { code: 'not_https', message: 'must be https' };
  }
  if (url.username || url.password) return { code: 'has_credentials', message: 'must not carry credentials' };
  if (allowLocal) return undefined;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return forbiddenHost(host, 'loopback');
  }
  const literal = literalHost(url);
  const bad = literal ? forbiddenAddressClass(literal) : undefined;
  return literal && bad ? forbiddenHost(literal, bad) : undefined;
}

const forbiddenHost = (host: string, addressClass: string): WebhookUrlProblem => ({
  code: 'forbidden_host',
  message: `host ${host} is a ${addressClass} address`,
  params: { host, addressClass },
});

/** Resolves a name to every address it has (dns.lookup by default; tests give a fake resolver). */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

/** The error a connection refused by the guard fails with; its message is what the delivery log records. */
export class ForbiddenAddressError extends Error {
  override name = 'ForbiddenAddressError';
  readonly code = 'EFORBIDDENADDRESS';
}

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for `http.request` that refuses the connection when any address the name resolves to is forbidden.
 * It runs at connect time, so what is checked is what is connected to.
 */
export function guardedLookup(resolve: Resolve = systemResolve) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        for (const a of addresses) {
          const bad = forbiddenAddressClass(a.address);
          if (bad) {
            callback(new ForbiddenAddressError(`${hostname} resolves to ${a.address}, a ${bad} address`), '');
            return;
          }
        }
        const first = addresses[0];
        if (!first) callback(new Error(`${hostname} has no address`), '');
        else if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (err: Error) => callback(err, ''),
    );
  };
}
