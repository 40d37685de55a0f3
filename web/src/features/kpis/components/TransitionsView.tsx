import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format';
import { LoadError, Loading } from '../../../ui/Status';
import { useTransitions } from '../hooks/use-transitions';
import { formatKpi } from '../kpi-format';
import { describeSide } from '../transition-text';

/**
 * Which units opened and closed in the 12 months up to the date: the KPIs „Eröffnungen“ and
 * „Schließungen“ unit by unit (GET /api/kpis/transitions), so that „5 Schließungen“ can be answered
 * with which five. Units in the downtown perimeter, whatever the map's filters.
 */
export function TransitionsView({
  cityId,
  town,
  asOf,
  onOpen,
}: {
  cityId: string;
  town: string;
  asOf: string;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const changes = useTransitions(cityId, asOf);
  if (changes.isPending) return <Loading />;
  if (changes.error) return <LoadError error={changes.error} onRetry={() => void changes.refetch()} />;
  const { from, to, openings, closures, transitions, truncated } = changes.data;
  return (
    <section className="transitions" aria-labelledby="transitions-heading" data-testid="transitions">
      <h2 id="transitions-heading">
        {t('transitions.heading', { from: formatDate(from), to: formatDate(to) })}
      </h2>
      <p data-testid="transitions-summary">
        {t('transitions.summary', {
          openings: t('transitions.openings', { count: openings, formatted: formatNumber(openings) }),
          closures: t('transitions.closures', { count: closures, formatted: formatNumber(closures) }),
          net: formatKpi(t, 'netChange', openings - closures),
        })}
      </p>
      <p className="hint">{t('transitions.scope')}</p>
      {truncated && (
        <p className="hint">{t('transitions.truncated', { shown: formatNumber(transitions.length) })}</p>
      )}
      <div className="table-wrap">
        <table className="storefront-table">
          <caption className="visually-hidden">{t('transitions.caption', { town })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transitions.day')}</th>
              <th scope="col">{t('list.address')}</th>
              <th scope="col">{t('transitions.kind')}</th>
              <th scope="col">{t('transitions.before')}</th>
              <th scope="col">{t('transitions.after')}</th>
            </tr>
          </thead>
          <tbody>
            {transitions.length === 0 && (
              <tr>
                <td colSpan={5}>{t('transitions.empty')}</td>
              </tr>
            )}
            {transitions.map((c) => (
              <tr key={`${c.storefrontId}-${c.day}`}>
                <td>{formatDate(c.day)}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onOpen(c.storefrontId)}
                    aria-label={t('list.open', { address: c.address })}
                  >
                    {c.address}
                  </button>
                </td>
                <td>{t(`transitions.kinds.${c.kind}`)}</td>
                <td>{describeSide(c.before, t, 'before')}</td>
                <td>{describeSide(c.after, t, 'after')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
