import ipaddr from 'ipaddr.js';

type Ip = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Which webhook targets the operator allows besides public unicast addresses (WEBHOOK_ALLOW_PRIVATE,
 * WEBHOOK_ALLOWED_NETWORKS). Without them a lab admin could point the gateway at anything the
 * gateway's pod can reach: the cloud metadata service, Redis, MongoDB, the cluster's own APIs.
 */
export interface WebhookAddressPolicy {
  /** every address is allowed (on-premises installs, and the test suite's loopback receivers) */
  allowPrivate: boolean;
  /** non-public networks allowed anyway, as [address, prefix length] */
  allowedNetworks: Array<[Ip, number]>;
}

export const PUBLIC_ONLY: WebhookAddressPolicy = { allowPrivate: false, allowedNetworks: [] };

/** ipaddr.js range names → the words in our messages; 'unicast' is the only public range. */
const CLASS_NAMES: Record<string, string> = {
  loopback: 'loopback',
  linkLocal: 'link-local',
  private: 'private',
  carrierGradeNat: 'private (carrier-grade NAT)',
  uniqueLocal: 'unique-local',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
  reserved: 'reserved',
  teredo: 'Teredo tunnel',
  rfc6145: 'IPv4-translated',
};

/** The IPv4 address an IPv6 one carries (mapped, NAT64, 6to4), so it is judged as that address. */
function embeddedIpv4(ip: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const p = ip.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  switch (ip.range()) {
    case 'ipv4Mapped':
      return ip.toIPv4Address();
    case 'rfc6052': // 64:ff9b::/96 NAT64
      return v4(p[6], p[7]);
    case '6to4': // 2002:AABB:CCDD::/48
      return v4(p[1], p[2]);
  }
  // ::a.b.c.d (deprecated IPv4-compatible) is unspecified space anyway, except ::1
  return undefined;
}

/** `text` as an IP address (IPv6 with or without brackets), or undefined for a host name. */
export function parseIp(text: string): Ip | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return ipaddr.isValid(bare) ? ipaddr.parse(bare) : undefined;
}

/** The class of an address that is not public unicast ("loopback", "private"…), or undefined. */
export function nonPublicClass(address: Ip): string | undefined {
  let ip: Ip = address;
  if (ip.kind() === 'ipv6') ip = embeddedIpv4(ip as ipaddr.IPv6) ?? ip;
  const range = ip.range();
  if (range === 'unicast') return undefined;
  return CLASS_NAMES[range] ?? range;
}

/** Why the policy refuses this address (e.g. "127.0.0.1 is a loopback address"), or undefined. */
export function refusedAddress(address: Ip, policy: WebhookAddressPolicy): string | undefined {
  if (policy.allowPrivate) return undefined;
  const cls = nonPublicClass(address);
  if (!cls) return undefined;
  const normalized = address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
  for (const [net, bits] of policy.allowedNetworks) {
    if (normalized.kind() === net.kind() && (normalized as ipaddr.IPv4).match(net as ipaddr.IPv4, bits)) return undefined;
  }
  return `${address.toString()} is a ${cls} address (allowed only when the operator sets WEBHOOK_ALLOW_PRIVATE or lists it in WEBHOOK_ALLOWED_NETWORKS)`;
}

/** WEBHOOK_ALLOWED_NETWORKS: comma-separated CIDRs or single addresses; throws on a bad entry. */
export function parseNetworks(text: string): Array<[Ip, number]> {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      if (entry.includes('/')) return ipaddr.parseCIDR(entry);
      const ip = ipaddr.parse(entry);
      return [ip, ip.kind() === 'ipv4' ? 32 : 128] as [Ip, number];
    });
}
