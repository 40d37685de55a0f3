import { useTranslation } from 'react-i18next';
import { useNetworks } from '../features/networks/hooks/use-networks';
import { SyntheticTownsNotice } from '../features/towns/components/SyntheticTownsNotice';
import { useCities } from '../features/towns/hooks/use-cities';
import { RECORDED_TEXT_LANG } from '../lib/domain';
import { formatNumber } from '../lib/format';
import { networkPath, onLinkClick, townPath } from '../router/router';
import { BreakableName } from '../ui/BreakableName';
import { LoadError, Loading } from '../ui/Status';

/** Start page without a map (so it does not load the map library): networks and towns. */
export function HomePage() {
  const { t } = useTranslation();
  const networks = useNetworks();
  const cities = useCities();
  if (networks.isPending || cities.isPending) return <Loading />;
  if (networks.error) return <LoadError error={networks.error} onRetry={() => void networks.refetch()} />;
  if (cities.error) return <LoadError error={cities.error} onRetry={() => void cities.refetch()} />;
  return (
    <div className="home">
      <h1>{t('app.title')}</h1>
      <section aria-labelledby="networks-heading">
        <h2 id="networks-heading">{t('home.networks')}</h2>
        <ul className="card-list">
          {networks.data.map((n) => (
            <li key={n.id} className="card">
              <a href={networkPath(n.slug)} onClick={onLinkClick} lang={RECORDED_TEXT_LANG}>
                {n.name}
              </a>
              {n.description && <p lang={RECORDED_TEXT_LANG}>{n.description}</p>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="towns-heading">
        <h2 id="towns-heading">{t('home.towns')}</h2>
        {cities.data.length === 0 && <p>{t('home.noTowns')}</p>}
        {/* the cards show recorded units: demo towns' counts are invented and say so here too */}
        <SyntheticTownsNotice towns={cities.data.filter((c) => c.storefrontCount !== null)} />
        {cities.data.some((c) => c.storefrontCount !== null) && (
          <p className="hint" data-testid="units-hint">
            {t('home.unitsHint')}
          </p>
        )}
        <ul className="card-list">
          {cities.data.map((c) => (
            <li key={c.id} className="card">
              <a href={townPath(c.slug)} onClick={onLinkClick}>
                <BreakableName name={c.name} />
              </a>
              <p>
                {c.state}
                {c.storefrontCount !== null &&
                  ` · ${t('home.units', { count: c.storefrontCount, formatted: formatNumber(c.storefrontCount) })}`}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
