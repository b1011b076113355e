import ipaddr from 'ipaddr.js';

/**
 * Which IP addresses Kadens may connect to on a user's behalf: public unicast only. Everything else —
 * loopback, RFC 1918, link-local (with the cloud metadata address 169.254.169.254), unique-local,
 * carrier-grade NAT, multicast, unspecified, broadcast, reserved and documentation ranges — is
 * refused, and so is each IPv6 form that carries one of those IPv4 addresses inside it
 * (IPv4-mapped, IPv4-compatible, IPv4-translated, NAT64, 6to4). Parsing and range tables are
 * ipaddr.js's; this file only decides.
 */

export interface AddressRefusal {
  /** The address as connected to (or as resolved), normalised by ipaddr.js. */
  address: string;
  /** ipaddr.js's range name (`loopback`, `private`, `linkLocal`…), or `unparseable`. */
  range: string;
  /** In words, for error messages: "a loopback address". */
  description: string;
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (this includes cloud metadata services)',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  uniqueLocal: 'a unique-local address',
  reserved: 'a reserved address',
  deprecatedSiteLocal: 'a site-local address',
  teredo: 'a Teredo tunnel address',
  localNat64: 'a local-use NAT64 address',
};

/** IPv6 forms whose last 32 bits are an IPv4 address; 6to4 carries it in bits 16–47. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
/** The well-known NAT64 prefix; the local-use one (64:ff9b:1::/48) is the local network's business. */
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');
/** Carrying a public IPv4 address, these still reach the public internet (NAT64 on IPv6-only networks). */
const EMBEDDING_FORMS: Readonly<Record<string, string>> = {
  rfc6052: 'NAT64',
  rfc6145: 'IPv4-translated',
  '6to4': '6to4',
  ipv4Compatible: 'IPv4-compatible',
};

/** Null when Kadens may connect to `address`; otherwise what it is, in words. */
export function refusedAddress(address: string): AddressRefusal | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // `process` turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 address it maps.
    parsed = ipaddr.process(address.replace(/^\[|\]$/g, ''));
  } catch {
    return { address, range: 'unparseable', description: 'not an IP address' };
  }
  return parsed.kind() === 'ipv4' ? refusedIpv4(parsed as ipaddr.IPv4) : refusedIpv6(parsed as ipaddr.IPv6);
}

function refusedIpv4(address: ipaddr.IPv4): AddressRefusal | null {
  const range = address.range();
  if (range === 'unicast') return null;
  return refusal(address.toString(), range);
}

function refusedIpv6(address: ipaddr.IPv6): AddressRefusal | null {
  const range = address.range();
  if (range === 'rfc6052' && !address.match(NAT64_WELL_KNOWN)) return refusal(address.toString(), 'localNat64');
  const form = range === 'unicast' && address.match(IPV4_COMPATIBLE) ? 'ipv4Compatible' : range;
  const embedded = embeddedIpv4(address, form);
  if (embedded !== null) {
    const inner = refusedIpv4(embedded);
    const name = EMBEDDING_FORMS[form] ?? form;
    if (inner !== null) {
      return {
        address: address.toString(),
        range: inner.range,
        description: `${inner.description} in ${name} form (${inner.address})`,
      };
    }
    // The deprecated IPv4-compatible form has no legitimate use left.
    return form === 'ipv4Compatible' ? refusal(address.toString(), 'reserved') : null;
  }
  if (range === 'unicast') return address.match(GLOBAL_UNICAST_V6) ? null : refusal(address.toString(), 'reserved');
  return refusal(address.toString(), range);
}

function embeddedIpv4(address: ipaddr.IPv6, form: string): ipaddr.IPv4 | null {
  const bytes = address.toByteArray();
  if (form === '6to4') return new ipaddr.IPv4(bytes.slice(2, 6));
  if (form in EMBEDDING_FORMS) return new ipaddr.IPv4(bytes.slice(12, 16));
  return null;
}

function refusal(address: string, range: string): AddressRefusal {
  return { address, range, description: DESCRIPTIONS[range] ?? `a special-purpose address (${range})` };
}

/**
 * The operator's exceptions (`OUTBOUND_ALLOW_HOSTS`): host names, matched against the URL's host
 * name (case-insensitive, a trailing dot ignored), and IP addresses or CIDR ranges, matched against
 * the address actually connected to.
 */
export class AllowList {
  private readonly names = new Set<string>();
  private readonly ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];

  constructor(entries: readonly string[] = []) {
    for (const entry of entries) {
      const problem = allowListEntryProblem(entry);
      if (problem !== null) throw new RangeError(`Allow-list entry "${entry}" ${problem}`);
      const text = unbracket(entry.trim());
      if (ipaddr.isValidCIDR(text)) this.ranges.push(normaliseRange(ipaddr.parseCIDR(text)));
      else if (ipaddr.isValid(text)) {
        const address = ipaddr.process(text);
        this.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else this.names.add(hostKey(text));
    }
  }

  get isEmpty(): boolean {
    return this.names.size === 0 && this.ranges.length === 0;
  }

  allowsHost(hostname: string): boolean {
    return this.names.has(hostKey(unbracket(hostname)));
  }

  allowsAddress(address: string): boolean {
    let parsed: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      parsed = ipaddr.process(unbracket(address));
    } catch {
      return false;
    }
    return this.ranges.some(([network, bits]) => parsed.kind() === network.kind() && parsed.match(network, bits));
  }
}

/** Null when `entry` can stand in OUTBOUND_ALLOW_HOSTS: a host name, an IP address or a CIDR range. */
export function allowListEntryProblem(entry: string): string | null {
  const text = unbracket(entry.trim());
  if (text === '') return 'is empty';
  if (text.includes('/')) return ipaddr.isValidCIDR(text) ? null : 'is not a valid CIDR range';
  if (ipaddr.isValid(text)) return null;
  return HOST_NAME.test(text) ? null : 'is not a host name, an IP address or a CIDR range';
}

const HOST_NAME = /^(?=.{1,253}\.?$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;

function unbracket(text: string): string {
  return text.replace(/^\[(.*)\]$/, '$1');
}

function hostKey(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** An IPv4-mapped range (::ffff:10.0.0.0/104) is the IPv4 range it maps, as connections report it. */
function normaliseRange([network, bits]: [ipaddr.IPv4 | ipaddr.IPv6, number]): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  if (network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(network as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [network, bits];
}
