import { useTranslation } from 'react-i18next';
import type { Storefront, StorefrontPage } from '../../../lib/domain';
import { formatArea, formatDate } from '../../../lib/format';
import { StatusSwatch } from '../../../ui/StatusSwatch';

interface Column {
  key: string;
  label: string;
  sortKey?: string;
  render: (s: Storefront) => React.ReactNode;
}

export interface StorefrontTableProps {
  page: StorefrontPage;
  town: string;
  sort: string | undefined;
  onSort: (sort: string) => void;
  onOpen: (id: string) => void;
  /** The page asked for: ahead of `page.page` while it loads, so two quick clicks on Next go two pages on. */
  requestedPage: number;
  onPage: (page: number) => void;
}

const address = (s: Storefront): string => `${s.street} ${s.houseNumber}`.trim();

/** The accessible alternative to the map: a sortable table, operable with the keyboard. */
export function StorefrontTable({
  page,
  town,
  sort,
  onSort,
  onOpen,
  requestedPage,
  onPage,
}: StorefrontTableProps) {
  const { t } = useTranslation();
  const columns: Column[] = [
    {
      key: 'address',
      label: t('list.address'),
      sortKey: 'street',
      render: (s) => (
        <button
          type="button"
          className="link-button"
          onClick={() => onOpen(s.id)}
          data-opens={s.id}
          aria-label={t('list.open', { address: address(s) })}
        >
          {address(s)}
        </button>
      ),
    },
    {
      key: 'status',
      label: t('list.status'),
      sortKey: 'status',
      render: (s) =>
        s.current ? (
          <>
            <StatusSwatch status={s.current.status} /> {t(`status.${s.current.status}`)}
          </>
        ) : (
          '–'
        ),
    },
    {
      key: 'since',
      label: t('list.since'),
      sortKey: 'statusSince',
      render: (s) => formatDate(s.current?.statusSince),
    },
    {
      key: 'category',
      label: t('list.category'),
      sortKey: 'useCategory',
      render: (s) => (s.current?.useCategory ? t(`category.${s.current.useCategory}`) : '–'),
    },
    {
      key: 'business',
      label: t('list.business'),
      // beside the name the business's own start (the „Status seit“ column may be an earlier tenant's)
      render: (s) =>
        s.current?.businessName
          ? t('list.businessSince', {
              business: s.current.businessName,
              date: formatDate(s.current.validFrom),
            })
          : '–',
    },
    { key: 'area', label: t('list.area'), sortKey: 'floorAreaM2', render: (s) => formatArea(s.floorAreaM2) },
    {
      key: 'verified',
      label: t('list.verified'),
      sortKey: 'verifiedAt',
      render: (s) => formatDate(s.verifiedAt),
    },
  ];
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const ariaSort = (key?: string): 'ascending' | 'descending' | undefined => {
    if (!key || !sort) return undefined;
    if (sort === key) return 'ascending';
    if (sort === `-${key}`) return 'descending';
    return undefined;
  };
  return (
    <div className="table-wrap">
      <table className="storefront-table" data-testid="storefront-table">
        <caption>{t('list.caption', { town, date: formatDate(page.asOf) })}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={ariaSort(c.sortKey)}>
                {c.sortKey ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => onSort(sort === c.sortKey ? `-${c.sortKey}` : c.sortKey!)}
                    aria-label={t('list.sortBy', { column: c.label })}
                  >
                    {c.label}
                    <span aria-hidden="true">
                      {ariaSort(c.sortKey) === 'ascending'
                        ? ' ▲'
                        : ariaSort(c.sortKey) === 'descending'
                          ? ' ▼'
                          : ' ↕'}
                    </span>
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page.items.length === 0 && (
            <tr>
              <td colSpan={columns.length}>{t('list.empty')}</td>
            </tr>
          )}
          {page.items.map((s) => (
            <tr key={s.id}>
              {columns.map((c) => (
                <td key={c.key}>{c.render(s)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="pager" aria-label={t('list.page', { page: page.page, pages })}>
          <button
            type="button"
            className="button"
            disabled={requestedPage <= 1}
            onClick={() => onPage(requestedPage - 1)}
          >
            {t('list.previous')}
          </button>
          <span>{t('list.page', { page: page.page, pages })}</span>
          <button
            type="button"
            className="button"
            disabled={requestedPage >= pages}
            onClick={() => onPage(requestedPage + 1)}
          >
            {t('list.next')}
          </button>
        </nav>
      )}
    </div>
  );
}
