import { useState } from 'react';
import type { ApiFilterParams, DashboardState } from '../../filters/filter-state';
import { useStorefrontList } from '../hooks/use-storefront-queries';
import { LoadError, Loading } from '../../../ui/Status';
import { StorefrontTable } from './StorefrontTable';

const PAGE_SIZE = 50;

/** The list view: same filter as the map, sorted and paged by the API. */
export function StorefrontListView({
  filter,
  town,
  state,
  onChange,
}: {
  filter: ApiFilterParams;
  town: string;
  state: DashboardState;
  onChange: (c: Partial<DashboardState>) => void;
}) {
  // Another filter or date starts again on page 1 (page 5 of the old result may not exist in the new one).
  const filterKey = JSON.stringify(filter);
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const setPage = (p: number): void => setPaging({ filterKey, page: p });
  const sort = state.sort ?? 'street';
  const list = useStorefrontList({ ...filter, sort, page, pageSize: PAGE_SIZE });
  if (list.isPending) return <Loading />;
  if (list.error) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <StorefrontTable
      page={list.data}
      town={town}
      sort={sort}
      onSort={(s) => {
        setPage(1);
        onChange({ sort: s });
      }}
      onOpen={(id) => onChange({ selected: id })}
      requestedPage={page}
      onPage={setPage}
    />
  );
}
