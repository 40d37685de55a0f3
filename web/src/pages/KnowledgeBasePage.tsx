import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv, toCsv } from '../lib/csv';
import { todayIso } from '../lib/dates';
import { formatDate } from '../lib/format';
import { useSession } from '../features/auth/hooks/use-session';
import { isSignedIn, mayEditTown } from '../features/auth/permissions';
import { knowledgeBaseCsv } from '../features/interventions/knowledge-base-csv';
import { InterventionTypeSummary } from '../features/interventions/components/InterventionTypeSummary';
import { InterventionTypeTownTable } from '../features/interventions/components/InterventionTypeTownTable';
import { KnowledgeBaseEntry } from '../features/interventions/components/KnowledgeBaseEntry';
import { useInterventionSearch } from '../features/interventions/hooks/use-intervention-search';
import { useInterventionsByType } from '../features/interventions/hooks/use-interventions-by-type';
import { useInterventionsByTypeAndTown } from '../features/interventions/hooks/use-interventions-by-type-and-town';
import { typeTownCsv } from '../features/interventions/type-town-table';
import { matchesClientFilter, OUTCOME_FILTERS } from '../features/interventions/outcome';
import { useNetworks } from '../features/networks/hooks/use-networks';
import { useCities } from '../features/towns/hooks/use-cities';
import { readsTownRecords } from '../features/towns/town-access';
import { INTERVENTION_OBSTACLES, INTERVENTION_STATES, INTERVENTION_TYPES } from '../lib/domain';
import { parseDecimal } from '../lib/numbers';
import { onLinkClick, useQueryParam } from '../router/router';
import { signInHref } from '../ui/ApiErrorMessage';
import { Field } from '../ui/Field';
import { useInputFollowing } from '../ui/use-input-following';
import { LoadError, Loading } from '../ui/Status';

/** A value from the URL if it is one of the allowed ones, else '' (no filter). */
const oneOf = <T extends string>(allowed: readonly T[], value: string): T | '' =>
  (allowed as readonly string[]).includes(value) ? (value as T) : '';

/** /massnahmen: every town's interventions, filtered and searchable, with what came of them. */
export default function KnowledgeBasePage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const signedIn = isSignedIn(session.data);
  const networks = useNetworks();
  const cities = useCities();
  // The filters live in the URL: a search can be shared with colleagues of other towns and survives a reload.
  const [network, setNetwork] = useQueryParam('netzwerk');
  const [cityId, setCityId] = useQueryParam('stadt');
  const [rawType, setType] = useQueryParam('art');
  const [rawState, setState] = useQueryParam('stand');
  const [rawOutcome, setOutcome] = useQueryParam('ergebnis');
  const [rawObstacle, setObstacle] = useQueryParam('huerde');
  const [maxCost, setMaxCost] = useQueryParam('kostenBis');
  const [q, setQ] = useQueryParam('suche', { push: true }); // each search is a step Back can return to
  const [query, setQuery] = useInputFollowing(q);
  const type = oneOf(INTERVENTION_TYPES, rawType);
  const state = oneOf(INTERVENTION_STATES, rawState);
  const outcome = oneOf(OUTCOME_FILTERS, rawOutcome);
  const obstacle = oneOf(INTERVENTION_OBSTACLES, rawObstacle);
  const scope = { network: network || undefined, cityId: cityId || undefined };
  const list = useInterventionSearch(
    {
      ...scope,
      type: type || undefined,
      state: state || undefined,
      obstacle: obstacle || undefined,
      q: q || undefined,
    },
    signedIn,
  );
  const byType = useInterventionsByType(scope, signedIn);
  const byTypeAndTown = useInterventionsByTypeAndTown(scope, signedIn);
  const names = useMemo(() => new Map((cities.data ?? []).map((c) => [c.id, c.name])), [cities.data]);
  // what the summary per type counts: the town chosen, else the network, else every town the reader sees
  const scopeTown = cityId ? names.get(cityId) : undefined;
  const scopeNetwork = network ? networks.data?.find((n) => n.slug === network)?.name : undefined;
  const cost = parseDecimal(maxCost, i18n.language);
  const items = (list.data?.items ?? []).filter((i) =>
    matchesClientFilter(i, {
      outcome: outcome || undefined,
      maxCost: typeof cost === 'number' ? cost : undefined,
    }),
  );

  if (session.isPending) return <Loading />;
  if (!signedIn) {
    return (
      <div className="narrow-page">
        <h1>{t('kb.title')}</h1>
        <p>
          {t('kb.signIn')}{' '}
          <a href={signInHref()} onClick={onLinkClick}>
            {t('auth.signIn')}
          </a>
        </p>
      </div>
    );
  }
  const select = <T extends string>(
    label: string,
    value: T | '',
    set: (v: T | '') => void,
    options: [string, string][],
    all: string,
  ) => (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => set(e.target.value as T | '')}>
          <option value="">{all}</option>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <div className="knowledge-base">
      <h1>{t('kb.title')}</h1>
      <p>{t('kb.intro')}</p>
      <form
        className="town__controls"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(query.trim());
        }}
      >
        <Field label={t('kb.search')}>
          {(id) => <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />}
        </Field>
        <button type="submit" className="button button--primary">
          {t('kb.searchButton')}
        </button>
        {select(
          t('kb.network'),
          network,
          setNetwork,
          (networks.data ?? []).map((n) => [n.slug, n.name]),
          t('kb.allNetworks'),
        )}
        {select(
          t('kb.town'),
          cityId,
          setCityId,
          // Only towns whose interventions the viewer reads: an open-data town shows its map, not its
          // interventions (the API would answer 403).
          (cities.data ?? []).filter(readsTownRecords).map((c) => [c.id, c.name]),
          t('kb.allTowns'),
        )}
        {select(
          t('kb.type'),
          type,
          setType,
          INTERVENTION_TYPES.map((v) => [v, t(`interventionType.${v}`)]),
          t('kb.allTypes'),
        )}
        {select(
          t('kb.state'),
          state,
          setState,
          INTERVENTION_STATES.map((v) => [v, t(`interventionState.${v}`)]),
          t('kb.allStates'),
        )}
        {select(
          t('kb.outcome'),
          outcome,
          setOutcome,
          [
            ['lease', t('kb.outcomeLease')],
            ['noLease', t('kb.outcomeNoLease')],
            ['unknown', t('kb.outcomeUnknown')],
            ['notMeasured', t('kb.outcomeNotMeasured')],
          ],
          t('kb.outcomeAny'),
        )}
        {select(
          t('kb.obstacle'),
          obstacle,
          setObstacle,
          INTERVENTION_OBSTACLES.map((v) => [v, t(`interventionObstacle.${v}`)]),
          t('kb.allObstacles'),
        )}
        <Field label={t('kb.maxCost')} error={cost === 'invalid' ? t('form.numberInvalid') : undefined}>
          {(id, errorProps) => (
            <input
              id={id}
              inputMode="decimal"
              value={maxCost}
              onChange={(e) => setMaxCost(e.target.value)}
              {...errorProps}
            />
          )}
        </Field>
      </form>
      {(list.data?.items.some((i) => i.isSynthetic) ||
        byTypeAndTown.data?.towns.some((c) => c.synthetic)) && (
        // Invented lessons under real town names must not pass for a town's real experience.
        <p className="notice" role="note" data-testid="kb-synthetic-notice">
          {t('kb.syntheticNotice')}
        </p>
      )}
      {byType.data && (
        <>
          <InterventionTypeSummary types={byType.data.types} />
          {/* the summary counts the network's or town's interventions; the list's search and filters are not applied */}
          <p className="hint" data-testid="by-type-scope">
            {scopeTown
              ? t('kb.byTypeScopeTown', { town: scopeTown })
              : scopeNetwork
                ? t('kb.byTypeScopeNetwork', { network: scopeNetwork })
                : t('kb.byTypeScopeAll')}{' '}
            {t('kb.byTypeFilters')}
          </p>
        </>
      )}
      {byType.error && <LoadError error={byType.error} />}
      {byTypeAndTown.data && (
        <InterventionTypeTownTable
          table={byTypeAndTown.data}
          onDownload={() => {
            const { header, body } = typeTownCsv(byTypeAndTown.data, t, formatDate);
            const german = i18n.language !== 'en';
            downloadCsv(
              `schaufenster-massnahmen-art-stadt-${byTypeAndTown.data.asOf}.csv`,
              toCsv(header, body, { german }),
            );
          }}
        />
      )}
      {byTypeAndTown.error && <LoadError error={byTypeAndTown.error} />}
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Loading />}
      {list.data && (
        <section aria-labelledby="kb-results">
          <h2 id="kb-results" aria-live="polite" data-testid="kb-count">
            {t('kb.results', { count: items.length })}
          </h2>
          {items.length > 0 && (
            <div className="form__actions">
              <button
                type="button"
                className="button"
                data-testid="kb-csv"
                onClick={() => {
                  const { header, body } = knowledgeBaseCsv(items, names, t, formatDate);
                  const german = i18n.language !== 'en';
                  downloadCsv(`schaufenster-massnahmen-${todayIso()}.csv`, toCsv(header, body, { german }));
                }}
              >
                {t('kb.csv.download', { count: items.length })}
              </button>
            </div>
          )}
          {list.data.total > list.data.items.length && (
            // the API answers at most one page: say so rather than count only what was loaded
            <p className="hint" role="status" data-testid="kb-truncated">
              {t('kb.truncated', { shown: list.data.items.length, total: list.data.total })}
            </p>
          )}
          <ul className="kb-list">
            {items.map((i) => (
              <KnowledgeBaseEntry
                key={i.id}
                intervention={i}
                town={names.get(i.cityId) ?? ''}
                canEdit={mayEditTown(session.data, i.cityId)}
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
