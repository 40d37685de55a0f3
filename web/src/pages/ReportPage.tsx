import '../features/reports/i18n';
import '../features/reports/report.css';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DataFreshness, ReportFooter } from '../features/reports/components/ReportFooter';
import { InterventionsTable } from '../features/reports/components/InterventionsTable';
import { PlannedInterventionsTable } from '../features/reports/components/PlannedInterventionsTable';
import { KeyFigures } from '../features/reports/components/KeyFigures';
import { KpiSheet } from '../features/reports/components/KpiSheet';
import { LongTermVacancies } from '../features/reports/components/LongTermVacancies';
import { TransitionsTable } from '../features/reports/components/TransitionsTable';
import { ReportMapLegend } from '../features/reports/components/ReportMapLegend';
import { ReportLanguage } from '../features/reports/components/ReportLanguage';
import { ReportMapSvg } from '../features/reports/components/ReportMapSvg';
import { ReportError, ReportLoading } from '../features/reports/components/ReportState';
import { ReportToolbar } from '../features/reports/components/ReportToolbar';
import { UseMixChart } from '../features/reports/components/UseMixChart';
import {
  VacancyChart,
  VacancyChartTable,
  type VacancyLine,
} from '../features/reports/components/VacancyChart';
import { useReportParams, type ReportParams } from '../features/reports/hooks/use-report-params';
import { useReportReady } from '../features/reports/hooks/use-report-ready';
import { useTownReport } from '../features/reports/hooks/use-town-report';
import {
  formatKpi,
  formatReportDate,
  medianVacancyPoints,
  vacancyPoints,
} from '../features/reports/report-format';
import { reportPath, reportPdfPath } from '../features/reports/report-url';
import { useNetworks } from '../features/networks/hooks/use-networks';
import { navigate, townPath } from '../router/router';

/** The print-ready town report (/berichte/stadt/<slug>?stichtag=YYYY-MM-DD&lang=de|en). */
export default function ReportPage({ slug }: { slug: string }) {
  // Without `lang` the report follows the dashboard's language, and the header's switch switches it.
  const { asOf, lang, langFor, network } = useReportParams();
  return (
    <ReportLanguage lang={lang}>
      <TownReport slug={slug} asOf={asOf} lang={lang} langFor={langFor} network={network} />
    </ReportLanguage>
  );
}

function TownReport({ slug, asOf, lang, langFor, network }: ReportParams & { slug: string }) {
  const { t } = useTranslation();
  const report = useTownReport(slug, asOf, network);
  const networks = useNetworks();
  const root = useRef<HTMLElement>(null);
  const ready = useReportReady(report.ready, root);
  const points = useMemo(() => {
    const town = vacancyPoints(
      report.series?.towns[0]?.buckets ?? [],
      asOf,
      report.kpis?.vacancyRate ?? null,
    );
    if (!report.networkSeries) return town.map((p) => ({ date: p.date, rate: p.value }));
    const medians = new Map(
      medianVacancyPoints(
        report.networkSeries.towns,
        asOf,
        report.networkSummary?.kpis.vacancyRate?.median ?? null,
      ).map((p) => [p.date, p.value]),
    );
    return town.map((p) => ({ date: p.date, rate: p.value, median: medians.get(p.date) ?? null }));
  }, [report.series, report.kpis, report.networkSeries, report.networkSummary, asOf]);

  if (report.error) return <ReportError error={report.error} />;
  const { city, kpis, map, longTerm, transitions, interventions } = report;
  if (!report.ready || !city || !kpis || !map || !longTerm || !transitions || !interventions)
    return <ReportLoading />;

  const date = formatReportDate(asOf, lang);
  // the town's line, and the compared network's median dashed in another colour and marker
  const compared = report.networkSeries && report.networkSummary?.network;
  const vacancyLines: VacancyLine[] = [
    { key: 'rate', name: city.name, color: '#D55E00' },
    ...(compared
      ? [
          {
            key: 'median',
            name: t('reports.charts.networkMedian', { network: compared.name }),
            color: '#0072B2',
            dash: '6 3',
            marker: 'square' as const,
          },
        ]
      : []),
  ];
  // the printed link names the network compared with, so that it shows the same median later
  const link = `${window.location.origin}${reportPath('stadt', city.slug, asOf, lang, report.network)}`;
  const networkChoices = city.networkSlugs.map((s) => ({
    slug: s,
    name: networks.data?.find((n) => n.slug === s)?.name ?? s,
  }));
  const population =
    city.population === null
      ? '–'
      : `${formatKpi('count', city.population, lang)} (${city.populationYear}, ${(city as { populationSource?: string | null }).populationSource ?? '–'})`;
  return (
    <article ref={root} className="report" lang={lang} data-report-ready={ready ? 'true' : 'false'}>
      <ReportToolbar
        asOf={asOf}
        lang={lang}
        pdfHref={reportPdfPath('towns', city.slug, asOf, lang, report.network)}
        backHref={townPath(city.slug)}
        networks={networkChoices}
        network={report.network}
        // the default network is left out of the address, as the dashboard's own links do
        onChange={(d, l, n) =>
          navigate(reportPath('stadt', city.slug, d, langFor(l), n === report.defaultNetwork ? undefined : n))
        }
      />
      <header className="report-header">
        <p className="report-kind">{t('reports.kind')}</p>
        <h1>{t('reports.townTitle', { town: city.name })}</h1>
        <p className="report-date">
          {t('reports.asOf')}: <time dateTime={asOf}>{date}</time>
        </p>
        {map.isSynthetic && (
          <p className="report-synthetic" role="note" data-testid="synthetic-notice">
            {t('reports.synthetic')}
          </p>
        )}
      </header>
      <section className="report-section report-map-section" aria-labelledby="report-map-title">
        <h2 id="report-map-title">{t('reports.map.title')}</h2>
        <figure data-report-chart="map">
          <ReportMapSvg map={map} town={city.name} date={date} lang={lang} />
          <figcaption>
            <ReportMapLegend map={map} />
          </figcaption>
        </figure>
        <KeyFigures kpis={kpis} previous={report.previous} lang={lang} />
      </section>
      <KpiSheet kpis={kpis} previous={report.previous} summary={report.networkSummary} lang={lang} />
      <section className="report-section report-charts" aria-labelledby="report-vacancy-title">
        <h2 id="report-vacancy-title">{t('reports.charts.vacancy')}</h2>
        <figure data-report-chart="vacancy">
          <VacancyChart rows={points} lines={vacancyLines} lang={lang} />
          <figcaption>
            {compared
              ? t('reports.charts.vacancyCaptionMedian', { network: compared.name })
              : t('reports.charts.vacancyCaption')}
          </figcaption>
        </figure>
        <VacancyChartTable
          rows={points}
          lines={vacancyLines}
          lang={lang}
          caption={t('reports.charts.vacancy')}
        />
        <h2 id="report-mix-title">{t('reports.charts.useMix')}</h2>
        <figure data-report-chart="use-mix" aria-labelledby="report-mix-title">
          <UseMixChart useMix={kpis.useMix} lang={lang} />
          <figcaption>{t('reports.charts.useMixCaption')}</figcaption>
        </figure>
      </section>
      <LongTermVacancies page={longTerm} asOf={asOf} lang={lang} />
      <TransitionsTable changes={transitions} lang={lang} />
      <InterventionsTable
        items={interventions.items}
        recorded={interventions.total}
        asOf={asOf}
        lang={lang}
      />
      <PlannedInterventionsTable items={interventions.items} asOf={asOf} lang={lang} />
      <DataFreshness
        dataFreshness={kpis.dataFreshness}
        lastVerifiedOn={map.lastVerifiedOn}
        lastChangedAt={map.lastChangedAt}
        lang={lang}
      />
      <ReportFooter version={kpis.definitionsVersion} population={population} link={link} lang={lang} />
    </article>
  );
}
