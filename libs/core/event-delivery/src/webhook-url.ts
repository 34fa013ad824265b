import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * The SSRF guard of webhooks: a webhook URL is the one address in enplan a caller chooses and the server then
 * calls, so it must not point into the municipality's own network, the host, or a cloud metadata service.
 *
 * A URL passes when it is https (plain http only for a loopback host, and only with `allowLoopback`, the flag for
 * development and tests), carries no credentials, and its host resolves to public addresses only: every address
 * it resolves to, since a client may connect to any of them. Checked at registration and again before each
 * delivery (a name may be pointed elsewhere after registration).
 */
export type WebhookUrlProblem = 'invalid' | 'not-https' | 'address-forbidden' | 'unresolvable';

export type WebhookUrlCheck = { ok: true; url: string } | { ok: false; problem: WebhookUrlProblem };

/** Addresses no webhook may reach: private, loopback, link-local (metadata services), shared, reserved, multicast. */
const FORBIDDEN = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared address space (carrier-grade NAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. the metadata service 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) FORBIDDEN.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // NAT64 (reaches IPv4 addresses, private ones too)
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (incl. fd00:ec2::254, a metadata service)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) FORBIDDEN.addSubnet(net, prefix, 'ipv6');

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** An IPv4 address written as IPv6 (`::ffff:10.0.0.1`, `::ffff:a00:1`) as the IPv4 address it reaches. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  if (isIP(address) === 4) return { address, family: 'ipv4' };
  const m = /^(?:0{1,4}:){5}ffff:(.+)$|^::ffff:(.+)$/i.exec(address);
  const tail = m?.[1] ?? m?.[2];
  if (tail && isIP(tail) === 4) return { address: tail, family: 'ipv4' };
  const hex = tail ? /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail) : null;
  if (hex) {
    const hi = parseInt(hex[1], 16);
    const lo = parseInt(hex[2], 16);
    return { address: `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, family: 'ipv4' };
  }
  return { address, family: 'ipv6' };
}

export function isForbiddenAddress(address: string): boolean {
  const a = unmapped(address);
  return FORBIDDEN.check(a.address, a.family);
}

export function isLoopbackAddress(address: string): boolean {
  const a = unmapped(address);
  return LOOPBACK.check(a.address, a.family);
}

/** The addresses a host name resolves to (an IP literal is itself); empty when it does not resolve. */
export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = async (host) => {
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((r) => r.address);
  } catch {
    return [];
  }
};

export async function checkWebhookUrl(raw: string, o: { allowLoopback: boolean; resolve?: Resolver }): Promise<WebhookUrlCheck> {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || !u.hostname) return { ok: false, problem: 'invalid' };
  // `[::1]` in a URL is `::1` to the resolver.
  const host = u.hostname.startsWith('[') && u.hostname.endsWith(']') ? u.hostname.slice(1, -1) : u.hostname;
  const addresses = isIP(host) ? [host] : await (o.resolve ?? systemResolver)(host);
  const loopbackOnly = addresses.length > 0 && addresses.every(isLoopbackAddress);
  if (u.protocol === 'http:' && !(o.allowLoopback && (loopbackOnly || (!addresses.length && host === 'localhost')))) return { ok: false, problem: 'not-https' };
  if (!addresses.length) return { ok: false, problem: 'unresolvable' };
  if (o.allowLoopback && loopbackOnly) return { ok: true, url: u.toString() };
  if (addresses.some(isForbiddenAddress)) return { ok: false, problem: 'address-forbidden' };
  return { ok: true, url: u.toString() };
}
