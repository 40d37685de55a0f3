import { useCallback, useMemo } from 'react';
import { useSearch, useSetSearch } from '../../../router/router';
import { parseDashboardState, serializeDashboardState, type DashboardState } from '../filter-state';

/**
 * The dashboard's view state, read from and written to the URL (shareable, back-button friendly):
 * opening or closing a unit and switching between map and list add a history entry, so Back undoes
 * them; filters and the date replace the entry (the year player would otherwise fill the history).
 * `replace` replaces the entry in any case: closing the panel of a unit just deleted must not leave an
 * entry that Back would reopen on a unit that is gone.
 */
export type DashboardUpdate = (changes: Partial<DashboardState>, options?: { replace?: boolean }) => void;

export function useDashboardState(): [DashboardState, DashboardUpdate] {
  const search = useSearch();
  const setSearch = useSetSearch();
  const state = useMemo(() => parseDashboardState(search), [search]);
  const update = useCallback<DashboardUpdate>(
    (changes, options = {}) => {
      const current = parseDashboardState(window.location.search);
      const next = { ...current, ...changes };
      for (const key of Object.keys(changes) as (keyof DashboardState)[]) {
        if (changes[key] === undefined) delete next[key];
      }
      setSearch(
        serializeDashboardState(next),
        !options.replace && (next.selected !== current.selected || next.view !== current.view),
      );
    },
    [setSearch],
  );
  return [state, update];
}
