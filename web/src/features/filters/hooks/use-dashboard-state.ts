import { useCallback, useMemo } from 'react';
import { useSearch, useSetSearch } from '../../../router/router';
import { parseDashboardState, serializeDashboardState, type DashboardState } from '../filter-state';

/** The dashboard's view state, read from and written to the URL (shareable, back-button friendly). */
export function useDashboardState(): [DashboardState, (changes: Partial<DashboardState>) => void] {
  const search = useSearch();
  const setSearch = useSetSearch();
  const state = useMemo(() => parseDashboardState(search), [search]);
  const update = useCallback(
    (changes: Partial<DashboardState>) => {
      const next = { ...parseDashboardState(window.location.search), ...changes };
      for (const key of Object.keys(changes) as (keyof DashboardState)[]) {
        if (changes[key] === undefined) delete next[key];
      }
      setSearch(serializeDashboardState(next));
    },
    [setSearch],
  );
  return [state, update];
}
