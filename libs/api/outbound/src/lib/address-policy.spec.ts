import { AllowList, allowListEntryProblem, refusedAddress } from './address-policy';

/** The host as Kadens sees it: after WHATWG URL parsing, which turns 2130706433 and 0x7f.1 into 127.0.0.1. */
const hostOf = (url: string) => new URL(url).hostname;

describe('refusedAddress', () => {
  it.each([
    ['http://127.0.0.1:5432/', 'loopback', '127.0.0.1'],
    ['http://[::1]:6379/', 'loopback', '::1'],
    ['http://2130706433/', 'loopback', '127.0.0.1'],
    ['http://0x7f.1/', 'loopback', '127.0.0.1'],
    ['http://127.1/', 'loopback', '127.0.0.1'],
    ['http://017700000001/', 'loopback', '127.0.0.1'],
    ['http://[::ffff:127.0.0.1]/', 'loopback', '127.0.0.1'],
    ['http://[::ffff:7f00:1]/', 'loopback', '127.0.0.1'],
    ['http://0.0.0.0/', 'unspecified', '0.0.0.0'],
    ['http://0/', 'unspecified', '0.0.0.0'],
    ['http://[::]/', 'unspecified', '::'],
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal', '169.254.169.254'],
    ['http://[fe80::1]/', 'linkLocal', 'fe80::1'],
    ['http://100.64.0.1/', 'carrierGradeNat', '100.64.0.1'],
    ['http://10.1.2.3/', 'private', '10.1.2.3'],
    ['http://172.16.0.1/', 'private', '172.16.0.1'],
    ['http://192.168.1.1/', 'private', '192.168.1.1'],
    ['http://[fd00::1]/', 'uniqueLocal', 'fd00::1'],
    ['http://[fc00::1]/', 'uniqueLocal', 'fc00::1'],
    ['http://224.0.0.1/', 'multicast', '224.0.0.1'],
    ['http://[ff02::1]/', 'multicast', 'ff02::1'],
    ['http://255.255.255.255/', 'broadcast', '255.255.255.255'],
    ['http://192.0.2.1/', 'reserved', '192.0.2.1'],
    ['http://240.0.0.1/', 'reserved', '240.0.0.1'],
    ['http://[2001:db8::1]/', 'reserved', '2001:db8::1'],
  ])('refuses %s as %s', (url, range, address) => {
    expect(refusedAddress(hostOf(url))).toMatchObject({ range, address });
  });

  it.each([
    ['IPv4-compatible', 'http://[::127.0.0.1]/', 'loopback'],
    ['IPv4-translated', 'http://[::ffff:0:7f00:1]/', 'loopback'],
    ['NAT64', 'http://[64:ff9b::a9fe:a9fe]/', 'linkLocal'],
    ['NAT64', 'http://[64:ff9b:1::a00:1]/', 'localNat64'],
    ['6to4', 'http://[2002:a00:1::1]/', 'private'],
  ])('refuses the %s form of an internal IPv4 address (%s)', (form, url, range) => {
    const refusal = refusedAddress(hostOf(url));
    expect(refusal).toMatchObject({ range });
    expect(refusal?.description).toContain(form);
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '[2a00:1450:4010:c0e::71]', '64:ff9b::808:808', '2002:808:808::1'])(
    'lets %s through: public unicast, or a translation of it',
    (address) => {
      expect(refusedAddress(address)).toBeNull();
    },
  );

  it('refuses IPv6 outside global unicast, the deprecated IPv4-compatible form and Teredo', () => {
    expect(refusedAddress('::808:808')).toMatchObject({ range: 'reserved' });
    expect(refusedAddress('4000::1')).toMatchObject({ range: 'reserved' });
    expect(refusedAddress('2001::1')).not.toBeNull();
  });

  it('refuses what is not an address at all', () => {
    expect(refusedAddress('')).toMatchObject({ range: 'unparseable' });
    expect(refusedAddress('example.org')).toMatchObject({ range: 'unparseable' });
  });
});

describe('AllowList', () => {
  const list = new AllowList(['WP.Intranet.Example', '127.0.0.1', '10.20.0.0/16', '[fd00::5]', '::ffff:192.168.7.0/120']);

  it('matches host names case-insensitively, ignoring a trailing dot, and only whole names', () => {
    expect(list.allowsHost('wp.intranet.example')).toBe(true);
    expect(list.allowsHost('wp.intranet.example.')).toBe(true);
    expect(list.allowsHost('evil-wp.intranet.example')).toBe(false);
    expect(list.allowsHost('intranet.example')).toBe(false);
  });

  it('matches addresses and ranges, an IPv4-mapped form like the IPv4 address', () => {
    expect(list.allowsAddress('127.0.0.1')).toBe(true);
    expect(list.allowsAddress('::ffff:127.0.0.1')).toBe(true);
    expect(list.allowsAddress('127.0.0.2')).toBe(false);
    expect(list.allowsAddress('10.20.255.1')).toBe(true);
    expect(list.allowsAddress('10.21.0.1')).toBe(false);
    expect(list.allowsAddress('fd00::5')).toBe(true);
    expect(list.allowsAddress('192.168.7.9')).toBe(true);
    expect(list.allowsAddress('192.168.8.9')).toBe(false);
  });

  it('is empty by default and refuses an entry that is neither name, address nor range', () => {
    expect(new AllowList().isEmpty).toBe(true);
    expect(() => new AllowList(['http://x/'])).toThrow(RangeError);
    expect(allowListEntryProblem('10.0.0.0/33')).toBe('is not a valid CIDR range');
    expect(allowListEntryProblem('wp.intranet.example')).toBeNull();
  });
});
