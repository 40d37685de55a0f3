import { throttleAddress } from './throttle-address.js';

describe('throttleAddress', () => {
  it('counts an IPv6 address by its /64 network, however it is written', () => {
    expect(throttleAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:0DB8:0001:0002:ffff:0:0:7')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttleAddress('2001:db8:1:3::1')).not.toBe(throttleAddress('2001:db8:1:2::1'));
  });

  it('keeps IPv4 addresses, also in their IPv6 form', () => {
    expect(throttleAddress('192.0.2.10')).toBe('192.0.2.10');
    expect(throttleAddress('::ffff:192.0.2.10')).toBe('192.0.2.10');
    expect(throttleAddress('unknown')).toBe('unknown');
  });
});
