import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkMap, type TownSymbol } from '../features/networks/components/NetworkMap';
import { useNetwork, useTownKpiSnapshots } from '../features/networks/hooks/use-networks';
import { useCities } from '../features/towns/hooks/use-cities';
import { SyntheticTownsNotice } from '../features/towns/components/SyntheticTownsNotice';
import { NO_DATA_COLOR, vacancyRateColor, VACANCY_RATE_STEPS } from '../features/map/colors';
import { lastQuarterEnd, todayIso } from '../lib/dates';
import { formatDate, formatNumber, formatPercent } from '../lib/format';
import { useSession } from '../features/auth/hooks/use-session';
import { reportPath } from '../features/reports/report-url';
import { navigate, onLinkClick, townPath } from '../router/router';
import { LoadError, Loading } from '../ui/Status';
import { RECORDED_TEXT_LANG } from '../lib/domain';

/** A network's towns on one map and in a table (the table is the keyboard route into each town). */
export default function NetworkPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const network = useNetwork(slug);
  const cities = useCities(slug);
  const snapshots = useTownKpiSnapshots(cities.data ?? [], todayIso());
  const rows = useMemo(
    () =>
      (cities.data ?? []).map((c, i) => {
        const k = snapshots[i]?.data?.[0];
        // Until its KPIs arrive (or where the viewer may not read them) a town has no figures, not zeros.
        return {
          city: c,
          units: k?.units ?? null,
          vacant: k?.vacantUnits ?? null,
          rate: k?.vacancyRate ?? null,
          size: k?.units ?? c.storefrontCount ?? 0,
        };
      }),
    [cities.data, snapshots],
  );
  const symbols: TownSymbol[] = useMemo(
    () =>
      rows.map((r) => ({
        slug: r.city.slug,
        name: r.city.name,
        centre: r.city.centre.coordinates,
        units: r.size,
        color: vacancyRateColor(r.rate),
      })),
    [rows],
  );
  const today = todayIso();
  const quarterEnd = lastQuarterEnd(today);
  if (network.isPending || cities.isPending) return <Loading />;
  if (network.error) return <LoadError error={network.error} />;
  if (cities.error) return <LoadError error={cities.error} />;
  return (
    <div className="network">
      <h1 lang={RECORDED_TEXT_LANG}>{network.data.name}</h1>
      {network.data.description && <p lang={RECORDED_TEXT_LANG}>{network.data.description}</p>}
      <SyntheticTownsNotice towns={(cities.data ?? []).filter((c) => c.storefrontCount !== null)} />
      {session.data?.user ? (
        // the last quarter end first: the date a network meeting compares on (today is mid-quarter)
        <ul className="network__reports">
          {quarterEnd !== today && (
            <li>
              <a
                href={reportPath('netzwerk', slug, quarterEnd)}
                onClick={onLinkClick}
                data-testid="network-report-quarter-link"
              >
                {t('network.reportQuarter', { date: formatDate(quarterEnd) })}
              </a>
            </li>
          )}
          <li>
            <a
              href={reportPath('netzwerk', slug, today)}
              onClick={onLinkClick}
              data-testid="network-report-link"
            >
              {t('network.report', { date: formatDate(today) })}
            </a>
          </li>
        </ul>
      ) : (
        <p className="hint">{t('network.reportSignIn')}</p>
      )}
      <div className="town__body">
        <div className="town__main">
          <NetworkMap
            towns={symbols}
            label={t('network.mapLabel', { name: network.data.name })}
            onOpen={(s) => navigate(townPath(s))}
          />
          <div className="table-wrap network-towns">
            <table className="storefront-table">
              <caption>{t('network.townsTitle', { date: formatDate(todayIso()) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('network.town')}</th>
                  <th scope="col">{t('network.units')}</th>
                  <th scope="col">{t('network.vacant')}</th>
                  <th scope="col">{t('network.rate')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.city.id}>
                    <th scope="row">
                      <a href={townPath(r.city.slug)} onClick={onLinkClick}>
                        {r.city.name}
                      </a>
                    </th>
                    <td>{r.units === null ? '–' : formatNumber(r.units)}</td>
                    <td>{r.vacant === null ? '–' : formatNumber(r.vacant)}</td>
                    <td>{r.rate === null ? '–' : formatPercent(r.rate, 1, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint" data-testid="network-units-hint">
            {t('network.unitsHint')}
          </p>
        </div>
        <div className="town__aside">
          <section className="legend" aria-labelledby="network-legend">
            <h2 id="network-legend">{t('legend.title')}</h2>
            <p>{t('network.legendSize')}</p>
            <p>{t('network.legendColor')}</p>
            <ul className="legend__scale">
              {VACANCY_RATE_STEPS.map((s) => (
                <li key={s.from}>
                  <span className="swatch" aria-hidden="true" style={{ background: s.color }} /> ≥{' '}
                  {formatPercent(s.from, 0)}
                </li>
              ))}
              <li>
                <span className="swatch" aria-hidden="true" style={{ background: NO_DATA_COLOR }} />{' '}
                {t('network.noData')}
              </li>
            </ul>
          </section>
        </div>
      </div>
    </div>
  );
}
