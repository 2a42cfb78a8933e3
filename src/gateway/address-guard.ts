/**
 * Result URLs come from the gateway's answers, and the bot downloads them and sends the bytes on
 * to Telegram. A compromised or careless gateway could point one at this machine or its network
 * (a cloud metadata service, an admin port) and have the answer land in a chat. Downloads from
 * anywhere but the gateway's own origin (scheme, host and port) must therefore reach public
 * addresses only: the gateway's host name on another port is just another private service.
 */
import dns from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { GatewayError } from './errors.js';

/** Loopback, private, shared, link-local, benchmark, multicast and reserved ranges. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
// IPv4-compatible (::/96, deprecated), local-use NAT64 (RFC 8215), Teredo and 6to4 (both tunnel
// to an IPv4 address the bot cannot judge, and are obsolete), documentation, ULA, link- and
// site-local, multicast.
for (const [network, prefix] of [
  ['::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** Well-known NAT64 prefix: the last 32 bits are the IPv4 address the translator reaches. */
const NAT64 = new BlockList();
NAT64.addSubnet('64:ff9b::', 96, 'ipv6');

/** The 16 bytes of a valid IPv6 address (`::` and a trailing dotted quad allowed). */
function ipv6Bytes(ip: string): number[] {
  const [head = '', tail] = ip.split('::');
  const words = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((w) => {
          if (!w.includes('.')) return [Number.parseInt(w, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = w.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const left = words(head);
  const right = tail === undefined ? [] : words(tail);
  const all = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return all.flatMap((w) => [w >> 8, w & 0xff]);
}

/**
 * True for an address a download must not reach. IPv4-mapped and NAT64 (`64:ff9b::/96`)
 * addresses are judged by the IPv4 address they lead to: on an IPv6-only host behind DNS64
 * every IPv4 site has a NAT64 address, so refusing the prefix would refuse the whole internet.
 */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '');
  const version = isIP(ip);
  if (version === 0) return false;
  if (version === 4) return PRIVATE.check(ip, 'ipv4');
  if (NAT64.check(ip, 'ipv6')) return PRIVATE.check(ipv6Bytes(ip).slice(12).join('.'), 'ipv4');
  // BlockList judges IPv4-mapped addresses (::ffff:a.b.c.d) by the IPv4 rules.
  return PRIVATE.check(ip, 'ipv6');
}

/** Error code of a connection the lookup refused; mapped to `privateTarget` by the transport. */
export const PRIVATE_TARGET = 'EPRIVATETARGET';

/** An answer pointing where the bot will not go is an answer it cannot use (told as such). */
export const privateTarget = (host: string) =>
  new GatewayError('malformed', `Refused to download from ${host}: a private address`, {
    retryable: false,
  });

/**
 * The DNS lookup of the connector that fetches everything but the gateway's own origin (the
 * transport picks the connector by origin, since a lookup sees no port): every name must resolve
 * to public addresses only. Checking at connect time, not before, leaves no gap for a name that
 * changes its answer in between.
 */
export function guardedLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const refused = addresses.find((a) => isPrivateAddress(a.address));
      if (refused) {
        const e: NodeJS.ErrnoException = new Error(`${hostname} resolves to a private address`);
        e.code = PRIVATE_TARGET;
        return callback(e, '', 0);
      }
      const first = addresses[0];
      if (options.all || !first) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}
