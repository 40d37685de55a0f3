import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/hooks/use-session';
import { mayEditTown } from '../features/auth/permissions';
import { useCities } from '../features/towns/hooks/use-cities';
import { WalkUnitCard } from '../features/walk/components/WalkUnitCard';
import { useWalkOverview, useWalkUnits } from '../features/walk/hooks/use-walk';
import type { City } from '../lib/domain';
import { formatNumber } from '../lib/format';
import { onLinkClick, useQueryParam } from '../router/router';
import { signInHref } from '../ui/ApiErrorMessage';
import { Field } from '../ui/Field';
import { LoadError, Loading } from '../ui/Status';

/**
 * The site walk (`/begehung?stadt=…&strasse=…`): a city manager goes street by street with a phone and
 * confirms or corrects each unit's record. Streets show how many units are due for a check (no visit
 * in 12 months: the data freshness KPI); by default only those are listed.
 */
export default function WalkPage() {
  const { t } = useTranslation();
  const session = useSession();
  const cities = useCities();
  const [slug, setSlug] = useQueryParam('stadt');
  const townId = useId();

  if (session.isPending || cities.isPending) return <Loading />;
  if (cities.error) return <LoadError error={cities.error} onRetry={() => void cities.refetch()} />;
  if (!session.data?.user) {
    return (
      <p className="page-message">
        <a href={signInHref()} onClick={onLinkClick}>
          {t('walk.signIn')}
        </a>
      </p>
    );
  }
  const towns = cities.data.filter((c) => mayEditTown(session.data, c.id));
  const town = towns.find((c) => c.slug === slug) ?? (towns.length === 1 ? towns[0] : undefined);
  return (
    <div className="walk-page">
      <h1>{t('walk.title')}</h1>
      <p>{t('walk.intro')}</p>
      {towns.length === 0 ? (
        <p className="page-message">{t('walk.noTowns')}</p>
      ) : (
        towns.length > 1 && (
          <div className="field">
            <label htmlFor={townId}>{t('import.town')}</label>
            <select id={townId} value={town?.slug ?? ''} onChange={(e) => setSlug(e.target.value)}>
              <option value="">{t('import.chooseTown')}</option>
              {towns.map((c) => (
                <option key={c.id} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )
      )}
      {town && <TownWalk key={town.id} town={town} />}
    </div>
  );
}

function TownWalk({ town }: { town: City }) {
  const { t } = useTranslation();
  const overview = useWalkOverview(town.id);
  const [street, setStreet] = useQueryParam('strasse');
  const [all, setAll] = useQueryParam('alle');
  const dueOnly = all !== '1';
  const units = useWalkUnits(town.id, street, dueOnly);
  if (overview.error) return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  if (!overview.data) return <Loading />;
  const o = overview.data;
  return (
    <>
      <p data-testid="walk-summary">
        {t('walk.summary', {
          town: town.name,
          count: o.due,
          due: formatNumber(o.due),
          units: formatNumber(o.units),
        })}
      </p>
      <form className="town__controls" onSubmit={(e) => e.preventDefault()}>
        <Field label={t('walk.street')}>
          {(id) => (
            <select id={id} value={street} onChange={(e) => setStreet(e.target.value)}>
              <option value="">{t('walk.chooseStreet')}</option>
              {o.streets.map((s) => (
                <option key={s.street} value={s.street}>
                  {t('walk.streetOption', {
                    street: s.street,
                    due: formatNumber(s.due),
                    units: formatNumber(s.units),
                  })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="checkbox-field">
          <input type="checkbox" checked={dueOnly} onChange={(e) => setAll(e.target.checked ? '' : '1')} />
          {t('walk.dueOnly')}
        </label>
      </form>
      {street !== '' && units.error && <LoadError error={units.error} onRetry={() => void units.refetch()} />}
      {street !== '' && units.data && (
        <section aria-labelledby="walk-street">
          <h2 id="walk-street" aria-live="polite">
            {t('walk.listed', { count: units.data.items.length, street: units.data.street })}
          </h2>
          {units.data.items.length === 0 && <p>{dueOnly ? t('walk.nothingDue') : t('walk.noUnits')}</p>}
          <ul className="walk-list">
            {units.data.items.map((u) => (
              <WalkUnitCard key={u.id} unit={u} cityId={town.id} townSlug={town.slug} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
