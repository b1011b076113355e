import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { buildConnector } from 'undici';

import { type AddressRefusal, type AllowList, refusedAddress } from './address-policy';
import { OutboundRefusedError } from './outbound-errors';

/** Host name → addresses. Injectable so tests can play a DNS server that changes its answer. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/** The policy with the operator's exceptions: null when `host` (as named in the URL) may be reached at `address`. */
export function judge(allowList: AllowList, host: string, address: string): AddressRefusal | null {
  if (allowList.allowsHost(host) || allowList.allowsAddress(address)) return null;
  return refusedAddress(address);
}

/**
 * The `lookup` the sockets use: resolves the name once, and refuses it when any address it resolved
 * to is refused (a name that points inside as well as outside is not a public service). The
 * address checked is the address the socket then connects to, so a DNS answer that changes between
 * a check and the connection (DNS rebinding) cannot slip through.
 */
export function guardedLookup(allowList: AllowList, resolver: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (resolved) => {
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const addresses = family === 4 || family === 6 ? resolved.filter((entry) => entry.family === family) : resolved;
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }), '', 0);
          return;
        }
        for (const { address } of addresses) {
          const refusal = judge(allowList, hostname, address);
          if (refusal !== null) {
            callback(new OutboundRefusedError(hostname, refusal), '', 0);
            return;
          }
        }
        if (options.all) callback(null, addresses);
        else {
          const [first] = addresses;
          if (first === undefined) callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
          else callback(null, first.address, first.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/**
 * undici's connector with the policy in front and behind: an IP literal (which sockets never look
 * up) is judged before connecting, a name through `guardedLookup`, and the socket's remote address
 * once more after connecting, before a byte of the request is written.
 */
export function guardedConnector(allowList: AllowList, resolver: Resolver, connectTimeoutMs: number): buildConnector.connector {
  const connect = buildConnector({ lookup: guardedLookup(allowList, resolver), timeout: connectTimeoutMs });
  return (options, callback) => {
    const host = options.hostname;
    if (isIP(host) !== 0) {
      const refusal = judge(allowList, host, host);
      if (refusal !== null) {
        callback(new OutboundRefusedError(host, refusal), null);
        return;
      }
    }
    connect(options, (...result) => {
      const [error, socket] = result;
      if (error !== null) {
        callback(error, null);
        return;
      }
      const remote = socket.remoteAddress ?? '';
      const refusal = judge(allowList, host, remote);
      if (refusal !== null) {
        socket.destroy();
        callback(new OutboundRefusedError(host, refusal), null);
        return;
      }
      callback(null, socket);
    });
  };
}
