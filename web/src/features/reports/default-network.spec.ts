import { describe, expect, it } from 'vitest';
import { defaultNetwork } from './default-network';

const networks = [
  { id: 'n-becken', slug: 'thueringer-becken' },
  { id: 'n-erfa', slug: 'innenstaedte-erfolgreich-machen' },
  { id: 'n-cm', slug: 'citymanager-thueringen' },
];
// Sömmerda's networks as the API lists them: by name
const soemmerda = ['thueringer-becken', 'innenstaedte-erfolgreich-machen', 'citymanager-thueringen'];

describe('defaultNetwork', () => {
  it('takes the reader’s own network when the town belongs to it', () => {
    const member = [{ role: 'network_member' as const, cityId: null, networkId: 'n-erfa' }];
    expect(defaultNetwork(soemmerda, member, networks)).toBe('innenstaedte-erfolgreich-machen');
  });

  it('takes the town’s first network by name for other readers, and for members of another network', () => {
    const councillor = [{ role: 'viewer' as const, cityId: 'c-soemmerda', networkId: null }];
    expect(defaultNetwork(soemmerda, councillor, networks)).toBe('thueringer-becken');
    const elsewhere = [{ role: 'network_member' as const, cityId: null, networkId: 'n-other' }];
    expect(defaultNetwork(['citymanager-thueringen'], elsewhere, networks)).toBe('citymanager-thueringen');
  });

  it('has none for a town in no network', () => {
    expect(defaultNetwork([], [], networks)).toBeUndefined();
  });
});
