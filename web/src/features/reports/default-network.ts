import type { Network } from '../../lib/domain';
import type { Grant } from '../auth/api/auth-api';
import { defaultNetwork } from '../kpis/benchmark-state';

/**
 * The network a town report compares with unless the reader chooses one: the comparison page's default
 * (`defaultNetwork`: the reader's own network, else one of the reader's town, the one with the most towns
 * whose numbers the reader sees) among the networks the town belongs to — so that the report's „network
 * median“ is the one the comparison page shows the same reader. Undefined when the town belongs to none.
 */
export function reportNetwork(
  townNetworks: readonly string[],
  networks: readonly Network[],
  grants: readonly Grant[],
  visibleTownIds: ReadonlySet<string>,
): string | undefined {
  return defaultNetwork(
    networks.filter((n) => townNetworks.includes(n.slug)),
    grants,
    visibleTownIds,
  );
}
