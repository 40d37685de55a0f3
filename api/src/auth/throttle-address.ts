import { isIPv6 } from 'node:net';

/**
 * The address sign-in throttling counts by: an IPv4 address as it is; an IPv6 address by its /64
 * network, since anyone with one IPv6 network has 2^64 addresses to rotate through; an IPv4 address
 * in IPv6 form (`::ffff:192.0.2.1`, Node on a dual-stack socket) as the IPv4 address.
 */
export function throttleAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const zeros = Array.from({ length: 8 - front.length - back.length }, () => '0');
  const groups: string[] = [...front, ...zeros, ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
