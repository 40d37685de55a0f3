import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { storefrontsApi } from '../features/storefronts/api/storefronts-api';
import { StorefrontPanel } from '../features/storefronts/components/StorefrontPanel';
import { EditedTownPage } from '../features/towns/components/EditedTownPage';
import { WalkUnitCard } from '../features/walk/components/WalkUnitCard';
import { walkKeys } from '../features/walk/api/walk-api';
import { checkedToday } from '../features/walk/checked-today';
import { useWalkOverview, useWalkUnits } from '../features/walk/hooks/use-walk';
import { todayIso } from '../lib/dates';
import type { City } from '../lib/domain';
import { formatNumber } from '../lib/format';
import { navigate, onLinkClick, townPath, useQueryParam } from '../router/router';
import { Field } from '../ui/Field';
import { LoadError, Loading } from '../ui/Status';

/**
 * The site walk (`/begehung?stadt=…&strasse=…`): a city manager goes street by street with a phone and
 * confirms or corrects each unit's record. Streets show how many units are due for a check (no visit
 * in 12 months: the data freshness KPI); by default only those are listed.
 */
export default function WalkPage() {
  const { t } = useTranslation();
  const [slug, setSlug] = useQueryParam('stadt');
  return (
    <div className="walk-page">
      <h1>{t('walk.title')}</h1>
      <p>{t('walk.intro')}</p>
      <EditedTownPage
        slug={slug}
        onChoose={setSlug}
        texts={{ signIn: t('walk.signIn'), noTowns: t('walk.noTowns') }}
      >
        {(town, requested) => (
          <>
            {/* a link to a town the user does not edit (a colleague's, a bookmark): said, not silently replaced */}
            {(requested || (slug && !town)) && (
              <p className="notice" role="status" data-testid="walk-not-your-town">
                {t('walk.notYourTown', { town: requested?.name ?? slug })}
              </p>
            )}
            {town && <TownWalk key={town.id} town={town} />}
          </>
        )}
      </EditedTownPage>
    </div>
  );
}

function TownWalk({ town }: { town: City }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const overview = useWalkOverview(town.id);
  const [street, setStreet] = useQueryParam('strasse', { push: true }); // Back: the street before
  const [all, setAll] = useQueryParam('alle');
  // the unit whose panel is open instead of the list; in the address, so Back closes it
  const [unitId, setUnitId] = useQueryParam('einheit', { push: true });
  const dueOnly = all !== '1';
  const units = useWalkUnits(town.id, street, dueOnly);
  // „Weiter“ and closing a panel take the focus to the street's heading once its units are there (WCAG 2.4.3)
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  useEffect(() => {
    if (focusHeading.current && units.data?.street === street && !units.isPlaceholderData && !unitId) {
      focusHeading.current = false;
      heading.current?.focus();
    }
  }, [units.data, units.isPlaceholderData, street, unitId]);
  // the version a unit had when its panel opened: a change saved there is a check on site too
  const opened = useRef<{ id: string; version: number } | null>(null);
  const closePanel = () => {
    const was = opened.current;
    opened.current = null;
    focusHeading.current = true;
    setUnitId('');
    if (was)
      void recordVisitAfterChange(was).then(() =>
        client.invalidateQueries({ queryKey: walkKeys.town(town.id) }),
      );
  };
  if (overview.error) return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  if (!overview.data) return <Loading />;
  const o = overview.data;
  const known = street === '' || o.streets.some((s) => s.street === street);
  // the walk goes on: the next street (in the list's order) with units due, after the one shown
  const at = o.streets.findIndex((s) => s.street === street);
  const next = [...o.streets.slice(at + 1), ...o.streets.slice(0, Math.max(at, 0))].find(
    (s) => s.due > 0 && s.street !== street,
  );
  const items = units.data?.items ?? [];
  const doneToday = items.filter((u) => checkedToday(u.verifiedAt));
  if (unitId) {
    return (
      <StorefrontPanel
        id={unitId}
        asOf={todayIso()}
        onClose={closePanel}
        onDeleted={closePanel}
        // moving a unit needs the map: the town page
        onMove={(s) => navigate(`${townPath(town.slug)}?selected=${s.id}`)}
      />
    );
  }
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
            <select id={id} value={known ? street : ''} onChange={(e) => setStreet(e.target.value)}>
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
      {!known && (
        <p className="notice" role="status" data-testid="walk-unknown-street">
          {t('walk.unknownStreet', { street, town: town.name })}
        </p>
      )}
      {known && street !== '' && units.error && (
        <LoadError error={units.error} onRetry={() => void units.refetch()} />
      )}
      {known && street !== '' && units.data && (
        <section aria-labelledby="walk-street">
          <h2 id="walk-street" aria-live="polite" ref={heading} tabIndex={-1}>
            {t('walk.listed', { count: items.length, street: units.data.street })}
            {items.length > 0 && (
              <span className="walk-progress" data-testid="walk-progress">
                {' · '}
                {doneToday.length === items.length
                  ? t('walk.allChecked')
                  : t('walk.progress', {
                      count: doneToday.length,
                      checked: formatNumber(doneToday.length),
                    })}
              </span>
            )}
          </h2>
          {items.length === 0 && <p>{dueOnly ? t('walk.nothingDue') : t('walk.noUnits')}</p>}
          {units.data.more && (
            <p className="notice" data-testid="walk-more">
              {t('walk.more', { shown: formatNumber(items.length), town: town.name })}
            </p>
          )}
          <ul className="walk-list">
            {items.map((u) => (
              <WalkUnitCard
                key={u.id}
                unit={u}
                cityId={town.id}
                onChange={(unit) => {
                  opened.current = { id: unit.id, version: unit.version };
                  setUnitId(unit.id);
                }}
              />
            ))}
          </ul>
          <p className="hint">
            {t('walk.missing')}{' '}
            <a href={townPath(town.slug)} onClick={onLinkClick}>
              {t('walk.missingLink', { town: town.name })}
            </a>
          </p>
          {next && (
            <button
              type="button"
              className="button"
              data-testid="walk-next-street"
              onClick={() => {
                focusHeading.current = true;
                setStreet(next.street);
              }}
            >
              {t('walk.nextStreet', { street: next.street, count: next.due, due: formatNumber(next.due) })}
            </button>
          )}
        </section>
      )}
    </>
  );
}

/**
 * A change saved in a unit's panel during the walk was made standing in front of it: it counts as
 * today's check too (the walk's „fällig“ would otherwise keep the unit, and „unverändert“ would be
 * wrong to press). Nothing is recorded when nothing was saved or the unit was checked today already.
 */
async function recordVisitAfterChange(opened: { id: string; version: number }): Promise<void> {
  try {
    const now = await storefrontsApi.get(opened.id, todayIso());
    if (now.version > opened.version && !checkedToday(now.verifiedAt))
      await storefrontsApi.verify(now.id, now.version);
  } catch {
    // deleted meanwhile, or someone saved at the same moment: the walk's list shows the unit as it is
  }
}
