import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapConfig } from '../features/config/use-map-config';
import { FilterBar } from '../features/filters/components/FilterBar';
import { TransitionsView } from '../features/kpis/components/TransitionsView';
import { useTownKpis } from '../features/kpis/hooks/use-town-kpis';
import { toApiFilter, type DashboardState } from '../features/filters/filter-state';
import { useDashboardState } from '../features/filters/hooks/use-dashboard-state';
import { Legend } from '../features/map/components/Legend';
import { TownMap, type HoveredStorefront } from '../features/map/components/TownMap';
import { useBasemap } from '../features/map/hooks/use-map-style';
import { useTileRevision } from '../features/map/tile-revision';
import { storefrontTileUrl } from '../features/map/tile-url';
import { AddStorefrontPanel } from '../features/storefronts/components/AddStorefrontPanel';
import { CountsPanel } from '../features/storefronts/components/CountsPanel';
import { MoveStorefrontPanel } from '../features/storefronts/components/MoveStorefrontPanel';
import { StorefrontPanel } from '../features/storefronts/components/StorefrontPanel';
import { StorefrontListView } from '../features/storefronts/components/StorefrontListView';
import { usePanelFocusReturn } from '../features/storefronts/hooks/use-panel-focus-return';
import { useStorefrontSummary } from '../features/storefronts/hooks/use-storefront-queries';
import { AsOfControl } from '../features/time/components/AsOfControl';
import { useCity } from '../features/towns/hooks/use-cities';
import { todayIso } from '../lib/dates';
import type { LonLat, OccupancyStatus, Storefront } from '../lib/domain';
import { LoadError, Loading } from '../ui/Status';
import { SyntheticNotice } from '../features/storefronts/components/SyntheticNotice';
import { readsTownRecords } from '../features/towns/town-access';
import { useCanEditTown } from '../features/auth/hooks/use-can-edit-town';
import { OpenDataSwitch } from '../features/towns/components/OpenDataSwitch';
import { onLinkClick } from '../router/router';
import { reportPath } from '../features/reports/report-url';
import { formatDate } from '../lib/format';
import { BreakableName } from '../ui/BreakableName';
import { confirmDiscard } from '../ui/unsaved-changes';

type Editing =
  | { kind: 'add'; position: LonLat | null }
  | { kind: 'move'; storefront: Storefront; position: LonLat }
  | null;

/**
 * One town: map, list or the year's openings and closures; filters and date in the URL, counts, the side
 * panel and editing flows.
 */
export default function TownPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const city = useCity(slug);
  const config = useMapConfig();
  const basemap = useBasemap(config.data?.basemapStyleUrl, !config.isPending);
  const [asked, update] = useDashboardState();
  // The filter by intervention is for the town's members (the API refuses it to open-data readers): a
  // shared link with it still opens, without it.
  const membersView = city.data !== undefined && readsTownRecords(city.data);
  const state = useMemo(
    () =>
      membersView || asked.hasIntervention === undefined ? asked : { ...asked, hasIntervention: undefined },
    [asked, membersView],
  );
  const [editing, setEditing] = useState<Editing>(null);
  // What a finished action did that left nothing on screen to say it (a deleted unit's panel is gone).
  const [said, setSaid] = useState('');
  const revision = useTileRevision();
  const asOf = state.asOf ?? todayIso();
  const filter = useMemo(() => toApiFilter(state, city.data?.id, asOf), [state, city.data?.id, asOf]);
  const summary = useStorefrontSummary(filter, city.data !== undefined);
  // the KPI engine's vacancy rate on the date (the reports' and the benchmark's), next to the map's share
  const kpis = useTownKpis(city.data ? [city.data.id] : [], asOf);
  const canEdit = useCanEditTown(city.data?.id);
  const tileUrl = storefrontTileUrl(window.location.origin, filter, revision);
  const onAsOf = useCallback((value: string | undefined) => update({ asOf: value }), [update]);
  // Opening another unit or closing the panel drops the panel's forms: asked first when something is typed.
  // (While a unit is being added or moved, its panel is not shown and the selection changes nothing on screen.)
  const panelShown = !editing && state.selected !== undefined;
  // Focus goes back where the panel was opened from when it goes away (WCAG 2.4.3).
  const view = useRef<HTMLDivElement>(null);
  const { rememberOpener, unitDeleted } = usePanelFocusReturn(
    panelShown || editing !== null,
    state.selected,
    view,
  );
  const change = useCallback(
    (changes: Partial<DashboardState>) => {
      const removesPanel = panelShown && 'selected' in changes && changes.selected !== state.selected;
      if (removesPanel && !confirmDiscard()) return;
      if (changes.selected !== undefined && changes.selected !== state.selected) rememberOpener();
      update(changes);
    },
    [panelShown, state.selected, update, rememberOpener],
  );
  const select = useCallback((id: string | undefined) => change({ selected: id }), [change]);
  const describeHover = useCallback(
    (h: HoveredStorefront) =>
      t('tooltip.text', {
        street: h.street,
        houseNumber: h.houseNumber,
        status: t(`status.${h.status as OccupancyStatus}`),
      }),
    [t],
  );

  if (city.isPending) return <Loading />;
  if (city.error) return <LoadError error={city.error} onRetry={() => void city.refetch()} />;
  const town = city.data;
  // not after today: a report states facts (the API refuses later dates)
  const reportDate = [state.asOf ?? todayIso(), todayIso()].sort()[0]!;
  const pick =
    editing?.kind === 'add'
      ? { position: editing.position, onChange: (p: LonLat) => setEditing({ kind: 'add', position: p }) }
      : editing?.kind === 'move'
        ? { position: editing.position, onChange: (p: LonLat) => setEditing({ ...editing, position: p }) }
        : null;

  return (
    <div className="town">
      <p className="visually-hidden" role="status" data-testid="town-status">
        {said}
      </p>
      <div className="town__head">
        <h1>
          <BreakableName name={town.name} />
        </h1>
        {town.perimeterIsPlaceholder && <p className="hint">{t('town.perimeterPlaceholder')}</p>}
        <SyntheticNotice cityId={town.id} />
        {canEdit && <OpenDataSwitch town={town} />}
        {canEdit && (
          <a href={`/daten/import?stadt=${town.slug}`} onClick={onLinkClick} data-testid="town-import-link">
            {t('import.townLink')}
          </a>
        )}
        {canEdit && (
          <a href={`/begehung?stadt=${town.slug}`} onClick={onLinkClick} data-testid="town-walk-link">
            {t('walk.townLink')}
          </a>
        )}
        {canEdit && (
          <button
            type="button"
            className="button"
            onClick={() => {
              if (editing?.kind === 'add') return update({ view: 'map' }); // already adding: keep what is typed
              if (!confirmDiscard()) return; // the unit's panel and its forms give way to the new unit's
              rememberOpener();
              update({ view: 'map' }); // the position is set on the map (by click, marker or map centre)
              setEditing({ kind: 'add', position: null });
            }}
            data-testid="add-storefront"
          >
            {t('town.addStorefront')}
          </button>
        )}
        <a
          href={reportPath('stadt', town.slug, reportDate)} // in the language of whoever opens it
          onClick={onLinkClick}
          data-testid="town-report-link"
        >
          {t('town.report', { date: formatDate(reportDate) })}
        </a>
      </div>
      <div className="town__controls">
        <AsOfControl asOf={state.asOf} onChange={onAsOf} />
        <FilterBar state={state} onChange={update} interventions={membersView} />
        <div className="view-switch" role="group" aria-label={t('town.viewLabel')}>
          <button
            type="button"
            className="button"
            aria-pressed={state.view === 'map'}
            onClick={() => update({ view: 'map' })}
          >
            {t('town.viewMap')}
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={state.view === 'list'}
            onClick={() => update({ view: 'list' })}
          >
            {t('town.viewList')}
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={state.view === 'changes'}
            onClick={() => update({ view: 'changes' })}
            data-testid="view-changes"
          >
            {t('town.viewChanges')}
          </button>
          {state.view === 'map' && (
            <label className="chip">
              <input
                type="checkbox"
                checked={state.heatmap}
                onChange={(e) => update({ heatmap: e.target.checked })}
              />
              {t('town.heatmap')}
            </label>
          )}
        </div>
      </div>
      <div className="town__body">
        <div className="town__main" ref={view}>
          {state.view === 'map' ? (
            basemap.ready ? (
              <TownMap
                city={town}
                tileUrl={tileUrl}
                heatmap={state.heatmap}
                basemap={basemap.style}
                selectedId={state.selected}
                onSelect={select}
                pick={pick}
                label={t('town.mapLabel', { town: town.name })}
                describeHover={describeHover}
              />
            ) : (
              <Loading />
            )
          ) : state.view === 'list' ? (
            <StorefrontListView filter={filter} town={town.name} state={state} onChange={change} />
          ) : (
            <TransitionsView cityId={town.id} town={town.name} asOf={asOf} onOpen={select} />
          )}
        </div>
        {/* It scrolls on its own beside the map: a tab stop with a name, so that keyboard users can
            scroll it too when nothing in it takes focus (no unit open; WCAG 2.1.1, axe
            scrollable-region-focusable). */}
        <div className="town__aside" role="region" aria-label={t('town.asideLabel')} tabIndex={0}>
          {canEdit && editing?.kind === 'add' && (
            <AddStorefrontPanel
              cityId={town.id}
              position={editing.position}
              onCancel={() => setEditing(null)}
              onCreated={(id) => {
                setEditing(null);
                update({ selected: id });
              }}
            />
          )}
          {canEdit && editing?.kind === 'move' && (
            <MoveStorefrontPanel
              storefront={editing.storefront}
              position={editing.position}
              onDone={() => setEditing(null)}
            />
          )}
          {!editing && state.selected && (
            <StorefrontPanel
              key={state.selected} // another unit: its own forms and messages, nothing carried over
              id={state.selected}
              asOf={asOf}
              onClose={() => select(undefined)}
              onDeleted={(address) => {
                setSaid(t('panel.deleted', { address }));
                unitDeleted();
                update({ selected: undefined }, { goneEntry: true });
              }}
              onMove={(s) => {
                if (!confirmDiscard()) return;
                update({ view: 'map' });
                setEditing({ kind: 'move', storefront: s, position: s.location.coordinates });
              }}
            />
          )}
          <CountsPanel
            summary={summary.data}
            vacancyRate={kpis.data?.find((k) => k.cityId === city.data?.id)?.vacancyRate}
          />
          {state.view === 'map' && <Legend />}
        </div>
      </div>
    </div>
  );
}
