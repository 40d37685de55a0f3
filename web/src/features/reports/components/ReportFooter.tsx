import { useTranslation } from 'react-i18next';
import { formatKpi, formatReportDate, formatShortDate, type ReportLang } from '../report-format';

interface FreshnessProps {
  dataFreshness: number | null;
  lastVerifiedOn: string | null;
  lastChangedAt: string | null;
  lang: ReportLang;
}

export function DataFreshness({ dataFreshness, lastVerifiedOn, lastChangedAt, lang }: FreshnessProps) {
  const { t } = useTranslation();
  return (
    <section className="report-section report-freshness" aria-labelledby="report-freshness-title">
      <h2 id="report-freshness-title">{t('reports.freshness.title')}</h2>
      <p>
        {t('reports.freshness.share', { share: formatKpi('share', dataFreshness, lang) })}{' '}
        {t('reports.freshness.lastVerified', { date: formatShortDate(lastVerifiedOn, lang) })}{' '}
        {t('reports.freshness.lastChange', { date: formatShortDate(lastChangedAt, lang) })}
      </p>
    </section>
  );
}

/** KPI definitions (version), data sources, the permanent link and the creation date. */
export function ReportFooter({
  version,
  population,
  link,
  lang,
}: {
  version: string;
  population: string;
  link: string;
  lang: ReportLang;
}) {
  const { t } = useTranslation();
  return (
    <footer className="report-footer">
      <p>{t('reports.footer.definitions', { version })}</p>
      <p>{t('reports.footer.sources', { population })}</p>
      <p>
        {t('reports.footer.link', { url: link })} ·{' '}
        {t('reports.created', { date: formatReportDate(todayIso(), lang) })}
      </p>
    </footer>
  );
}

const todayIso = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
