import { useTranslation } from 'react-i18next';
import type { City } from '../../../lib/domain';

/**
 * "Demodaten" note above figures of several towns (benchmark, network page) when any of them has
 * synthetic storefronts (`isSynthetic` of /api/cities): real town names with invented rates must not
 * pass for the real downtowns. Names the towns when only some are synthetic.
 */
export function SyntheticTownsNotice({ towns }: { towns: readonly Pick<City, 'name' | 'isSynthetic'>[] }) {
  const { t } = useTranslation();
  const synthetic = towns.filter((c) => c.isSynthetic).map((c) => c.name);
  if (synthetic.length === 0) return null;
  return (
    <p className="notice" role="note" data-testid="synthetic-towns-notice">
      {synthetic.length === towns.length
        ? t('app.syntheticTownsAll')
        : t('app.syntheticTowns', { towns: synthetic.join(', ') })}
    </p>
  );
}
