import { useCallback, useMemo } from 'react';
import { returnTo, useSearch, useSetSearch } from '../../../router/router';
import { parseDashboardState, serializeDashboardState, type DashboardState } from '../filter-state';

/**
 * The dashboard's view state, read from and written to the URL (shareable, back-button friendly):
 * opening or closing a unit and switching between map and list add a history entry, so Back undoes
 * them; filters and the date replace the entry (the year player would otherwise fill the history).
 * `goneEntry`: the entry shows something that no longer exists (a unit just deleted): the change steps
 * back when the entry before shows the result, else replaces the entry — Back must neither reopen a
 * unit that is gone nor show the same view again.
 */
export type DashboardUpdate = (changes: Partial<DashboardState>, options?: { goneEntry?: boolean }) => void;

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
      const search = serializeDashboardState(next);
      if (options.goneEntry) returnTo(`${window.location.pathname}${search ? `?${search}` : ''}`);
      else setSearch(search, next.selected !== current.selected || next.view !== current.view);
    },
    [setSearch],
  );
  return [state, update];
}
