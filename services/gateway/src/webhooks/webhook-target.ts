import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { webhookUrlSyntaxProblem } from '@rarerank/data-access';
import { parseIp, refusedAddress, type WebhookAddressPolicy } from './webhook-address';

/** Every address a host name resolves to (A and AAAA). */
export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses.map((a) => a.address)))));

export { MAX_WEBHOOK_URL_LENGTH } from '@rarerank/data-access';

/** Why an address of `host` may not be called, or undefined: the first refused address decides. */
function refusedAmong(host: string, addresses: readonly string[], policy: WebhookAddressPolicy): string | undefined {
  for (const address of addresses) {
    const ip = parseIp(address);
    const why = ip ? refusedAddress(ip, policy) : `${address} is not an IP address`;
    if (why) return `${host} resolves to ${why}`;
  }
  return undefined;
}

/**
 * Why `url` cannot be a lab's webhook, or undefined when it can: http(s) only, no credentials in
 * the URL, and every address it names or resolves to allowed by the policy. IPv4 written in
 * decimal, octal or hex (http://2130706433/, http://0177.0.0.1/) is normalized by the URL parser
 * first, and an IPv6 address carrying an IPv4 one (::ffff:127.0.0.1) is judged as that address.
 */
export async function webhookUrlProblem(url: string, policy: WebhookAddressPolicy, resolve: Resolver = systemResolver): Promise<string | undefined> {
  const syntax = webhookUrlSyntaxProblem(url);
  if (syntax) return syntax;
  const parsed = new URL(url);
  const ip = parseIp(parsed.hostname);
  if (ip) return refusedAddress(ip, policy);
  let addresses: string[];
  try {
    addresses = await resolve(parsed.hostname);
  } catch {
    return `${parsed.hostname} does not resolve`;
  }
  if (addresses.length === 0) return `${parsed.hostname} does not resolve`;
  return refusedAmong(parsed.hostname, addresses, policy);
}

/** An error for a delivery the policy stopped: not worth retrying with the same URL. */
export class RefusedWebhookAddress extends Error {
  readonly code = 'EWEBHOOKADDRESS';
}

/**
 * A DNS lookup for the delivery's own connection that refuses disallowed addresses: the check
 * happens on the addresses actually connected to, so a name that resolved to a public address
 * when the webhook was set and to 127.0.0.1 now (DNS rebinding) is still refused.
 */
function guardedLookup(policy: WebhookAddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const why = refusedAmong(hostname, addresses.map((a) => a.address), policy);
      if (why) return callback(new RefusedWebhookAddress(why), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

export interface WebhookPost {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  policy: WebhookAddressPolicy;
}

/**
 * POSTs `body` to `url` and resolves with the status (redirects are not followed: the signature
 * is for the registered URL only). A disallowed address rejects with RefusedWebhookAddress
 * before any connection is made.
 */
export function postWebhook(url: string, post: WebhookPost): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const ip = parseIp(target.hostname);
    const refused = ip ? refusedAddress(ip, post.policy) : undefined;
    if (refused) return reject(new RefusedWebhookAddress(refused));
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, {
      method: 'POST',
      headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
      lookup: guardedLookup(post.policy),
      signal: AbortSignal.timeout(post.timeoutMs),
    });
    req.on('response', (res) => {
      res.resume(); // the receiver's answer body is not needed
      res.on('error', () => undefined);
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(post.body);
  });
}
