/**
 * Result URLs come from the gateway's answers, and the bot downloads them and sends the bytes on
 * to Telegram. A compromised or careless gateway could point one at this machine or its network
 * (a cloud metadata service, an admin port) and have the answer land in a chat. Downloads from
 * anywhere but the gateway's own host must therefore reach public addresses only.
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
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** True for an address a download must not reach (IPv4-mapped IPv6 judged as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  const version = isIP(ip);
  if (version === 0) return false;
  return PRIVATE.check(ip, version === 4 ? 'ipv4' : 'ipv6');
}

/** Error code of a connection the lookup refused; mapped to `privateTarget` by the transport. */
export const PRIVATE_TARGET = 'EPRIVATETARGET';

/** An answer pointing where the bot will not go is an answer it cannot use (told as such). */
export const privateTarget = (host: string) =>
  new GatewayError('malformed', `Refused to download from ${host}: a private address`, {
    retryable: false,
  });

/**
 * The connector's DNS lookup: `trustedHost` (the gateway itself, which may well live on a private
 * network) resolves as usual; any other name must resolve to public addresses only. Checking at
 * connect time, not before, leaves no gap for a name that changes its answer in between.
 */
export function guardedLookup(trustedHost: string): LookupFunction {
  return (hostname, options, callback) => {
    if (hostname === trustedHost) {
      dns.lookup(hostname, options, callback);
      return;
    }
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
