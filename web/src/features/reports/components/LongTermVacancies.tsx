import { useTranslation } from 'react-i18next';
import { TableScroll } from './TableScroll';
import type { StorefrontPage } from '../../../lib/domain';
import { formatArea, formatShortDate, vacantMonths, type ReportLang } from '../report-format';

/** Units vacant for ≥ 12 months on the date, longest first (the storefront list's own filter). */
export function LongTermVacancies({
  page,
  asOf,
  lang,
}: {
  page: StorefrontPage;
  asOf: string;
  lang: ReportLang;
}) {
  const { t } = useTranslation();
  const more = page.total - page.items.length;
  return (
    <section className="report-section report-long-term" aria-labelledby="report-long-term-title">
      <h2 id="report-long-term-title">{t('reports.longTerm.title')}</h2>
      {page.total === 0 ? (
        <p>{t('reports.longTerm.none')}</p>
      ) : (
        <TableScroll title={t('reports.longTerm.title')}>
          <table className="report-table">
            <caption>
              {t('reports.longTerm.caption', { date: formatShortDate(asOf, lang), count: page.total })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.longTerm.address')}</th>
                <th scope="col" className="num">
                  {t('reports.longTerm.area')}
                </th>
                <th scope="col" className="num">
                  {t('reports.longTerm.since')}
                </th>
                <th scope="col" className="num">
                  {t('reports.longTerm.months')}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.street} {s.houseNumber}
                    {s.postcode ? `, ${s.postcode}` : ''}
                  </th>
                  <td className="num">{formatArea(s.floorAreaM2, lang)}</td>
                  <td className="num">{formatShortDate(s.current?.statusSince, lang)}</td>
                  <td className="num">{s.current ? vacantMonths(s.current.statusSince, asOf) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {more > 0 && <p className="report-note">{t('reports.longTerm.more', { count: more })}</p>}
    </section>
  );
}
