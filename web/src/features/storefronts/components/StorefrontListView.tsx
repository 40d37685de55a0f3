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
  const [page, setPage] = useState(1);
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
      onPage={setPage}
    />
  );
}
