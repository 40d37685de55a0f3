import '../features/reports/i18n';
import '../features/reports/report.css';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkMapLegend } from '../features/reports/components/NetworkMapLegend';
import { NetworkMapSvg } from '../features/reports/components/NetworkMapSvg';
import { ReportFooter } from '../features/reports/components/ReportFooter';
import { ReportLanguage } from '../features/reports/components/ReportLanguage';
import {
  InterventionsByTypeTable,
  NetworkDistribution,
  NetworkTowns,
} from '../features/reports/components/NetworkTables';
import { ReportError, ReportLoading } from '../features/reports/components/ReportState';
import { ReportToolbar } from '../features/reports/components/ReportToolbar';
import {
  VacancyChart,
  VacancyChartTable,
  type VacancyLine,
} from '../features/reports/components/VacancyChart';
import { useNetworkReport } from '../features/reports/hooks/use-network-report';
import { useReportParams, type ReportParams } from '../features/reports/hooks/use-report-params';
import { useReportReady } from '../features/reports/hooks/use-report-ready';
import { formatReportDate } from '../features/reports/report-format';
import { reportPath, reportPdfPath } from '../features/reports/report-url';
import { seriesStyle } from '../lib/series-style';
import { navigate, networkPath } from '../router/router';

/** The print-ready network report (/berichte/netzwerk/<slug>?stichtag=YYYY-MM-DD&lang=de|en). */
export default function NetworkReportPage({ slug }: { slug: string }) {
  // Without `lang` the report follows the dashboard's language, and the header's switch switches it.
  const { asOf, lang, langFor } = useReportParams();
  return (
    <ReportLanguage lang={lang}>
      <NetworkReport slug={slug} asOf={asOf} lang={lang} langFor={langFor} />
    </ReportLanguage>
  );
}

function NetworkReport({ slug, asOf, lang, langFor }: Omit<ReportParams, 'network'> & { slug: string }) {
  const { t } = useTranslation();
  const report = useNetworkReport(slug, asOf);
  const root = useRef<HTMLElement>(null);
  const ready = useReportReady(report.ready, root);
  const { lines, rows } = useMemo(() => {
    const names = new Map(report.towns.map((c) => [c.id, c.name]));
    const towns = report.series?.towns ?? [];
    // Colour, dash and marker per town: the lines differ by more than colour (WCAG 1.4.1, 1.4.11).
    const chartLines: VacancyLine[] = towns.map((s, i) => ({
      key: s.cityId,
      name: names.get(s.cityId) ?? s.cityId,
      ...seriesStyle(i),
    }));
    const dates = (towns[0]?.buckets ?? []).filter((b) => b.end < asOf).map((b) => b.end);
    const chartRows = dates.map((date, i) => ({
      date,
      ...Object.fromEntries(towns.map((s) => [s.cityId, s.buckets[i]?.vacancyRate ?? null])),
    }));
    chartRows.push({ date: asOf, ...Object.fromEntries(report.kpis.map((k) => [k.cityId, k.vacancyRate])) });
    return { lines: chartLines, rows: chartRows };
  }, [report.series, report.towns, report.kpis, asOf]);

  if (report.error) return <ReportError error={report.error} />;
  const { network, summary, byType, map } = report;
  if (!report.ready || !network || !summary || !byType || !map) return <ReportLoading />;
  const date = formatReportDate(asOf, lang);
  const synthetic = map.towns.filter((town) => town.isSynthetic).map((town) => town.name);
  const link = `${window.location.origin}${reportPath('netzwerk', network.slug, asOf, lang)}`;
  return (
    <article ref={root} className="report" lang={lang} data-report-ready={ready ? 'true' : 'false'}>
      <ReportToolbar
        asOf={asOf}
        lang={lang}
        pdfHref={reportPdfPath('networks', network.slug, asOf, lang)}
        backHref={networkPath(network.slug)}
        onChange={(d, l) => navigate(reportPath('netzwerk', network.slug, d, langFor(l)))}
      />
      <header className="report-header">
        <p className="report-kind">{t('reports.kind')}</p>
        <h1>{t('reports.networkTitle', { network: network.name })}</h1>
        <p className="report-date">
          {t('reports.asOf')}: <time dateTime={asOf}>{date}</time>
        </p>
        {synthetic.length > 0 && (
          <p className="report-synthetic" role="note" data-testid="synthetic-notice">
            {synthetic.length === map.towns.length
              ? t('reports.networkMap.syntheticAll')
              : t('reports.networkMap.synthetic', { towns: synthetic.join(', ') })}
          </p>
        )}
      </header>
      <section className="report-section report-map-section" aria-labelledby="report-network-map-title">
        <h2 id="report-network-map-title">{t('reports.networkMap.title')}</h2>
        {map.towns.length === 0 ? (
          <p>{t('reports.networkMap.none')}</p>
        ) : (
          <figure data-report-chart="map">
            <NetworkMapSvg map={map} date={date} lang={lang} />
            <figcaption>
              <NetworkMapLegend map={map} lang={lang} />
              <p className="report-note">
                {t('reports.networkMap.caption')}{' '}
                <a href="#report-towns-title">{t('reports.networkMap.tableLink')}</a>.
              </p>
            </figcaption>
          </figure>
        )}
      </section>
      <NetworkTowns towns={report.towns} kpis={report.kpis} asOf={asOf} lang={lang} />
      {lines.length > 0 && (
        <section className="report-section" aria-labelledby="report-vacancy-title">
          <h2 id="report-vacancy-title">{t('reports.charts.vacancyNetwork')}</h2>
          <figure data-report-chart="vacancy">
            <VacancyChart rows={rows} lines={lines} lang={lang} height={280} />
            <figcaption>{t('reports.charts.vacancyCaption')}</figcaption>
          </figure>
          <VacancyChartTable
            rows={rows}
            lines={lines}
            lang={lang}
            caption={t('reports.charts.vacancyNetwork')}
          />
        </section>
      )}
      <NetworkDistribution summary={summary} previous={report.previous} lang={lang} />
      <InterventionsByTypeTable data={byType} lang={lang} />
      <ReportFooter
        version={summary.definitionsVersion}
        population="Destatis GV100"
        link={link}
        lang={lang}
      />
    </article>
  );
}
