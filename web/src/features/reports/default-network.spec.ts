import { describe, expect, it } from 'vitest';
import type { Network } from '../../lib/domain';
import { defaultNetwork } from '../kpis/benchmark-state';
import { reportNetwork } from './default-network';

const net = (slug: string, name: string, cityIds: string[]): Network => ({
  id: `n-${slug}`,
  slug,
  name,
  description: null,
  source: null,
  cityIds,
});
// Gotha (g) is in two networks; the city managers' network has more towns with numbers to see
const networks = [
  net('innenstaedte-erfolgreich-machen', 'Innenstädte erfolgreich machen', ['g', 'm', 'a']),
  net('citymanager-thueringen', 'Netzwerk Thüringer Citymanager', ['g', 'm', 'a', 'e', 'j']),
  net('thueringer-becken', 'Allianz Thüringer Becken', ['s', 'b']),
];
const visible = new Set(['g', 'm', 'a', 'e', 'j', 's', 'b']);
const gothas = ['citymanager-thueringen', 'innenstaedte-erfolgreich-machen'];

describe('reportNetwork', () => {
  it('is the network the comparison page opens on for the same reader (one median, not two)', () => {
    const councillor = [{ role: 'viewer' as const, cityId: 'g', networkId: null }];
    expect(reportNetwork(gothas, networks, councillor, visible)).toBe('citymanager-thueringen');
    expect(defaultNetwork(networks, councillor, visible)).toBe('citymanager-thueringen');
  });

  it('takes the reader’s own network when the town belongs to it', () => {
    const member = [
      { role: 'network_member' as const, cityId: null, networkId: 'n-innenstaedte-erfolgreich-machen' },
    ];
    expect(reportNetwork(gothas, networks, member, visible)).toBe('innenstaedte-erfolgreich-machen');
  });

  it('takes one of the town’s networks when the reader’s own does not hold the town', () => {
    const elsewhere = [{ role: 'network_member' as const, cityId: null, networkId: 'n-thueringer-becken' }];
    expect(reportNetwork(gothas, networks, elsewhere, visible)).toBe('citymanager-thueringen');
  });

  it('has none for a town in no network', () => {
    expect(reportNetwork([], networks, [], visible)).toBeUndefined();
  });
});
