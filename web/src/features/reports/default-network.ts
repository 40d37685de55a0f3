import type { Grant } from '../auth/api/auth-api';

/**
 * The network a town report compares with unless the reader chooses one: the reader's own network when
 * the town belongs to it (a network member reads the report their network talks about), else the town's
 * first network by name (`townNetworks` comes ordered so from the API). Undefined when the town
 * belongs to none. Before, the first by slug had been chosen: an approximated network for most towns.
 */
export function defaultNetwork(
  townNetworks: readonly string[],
  grants: readonly Grant[],
  networks: readonly { id: string; slug: string }[],
): string | undefined {
  const own = new Set(
    grants
      .filter((g) => g.role === 'network_member' && g.networkId !== null)
      .map((g) => networks.find((n) => n.id === g.networkId)?.slug),
  );
  return townNetworks.find((slug) => own.has(slug)) ?? townNetworks[0];
}
