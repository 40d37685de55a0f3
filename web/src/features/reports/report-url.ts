import { isIsoDate, todayIso } from '../../lib/dates';
import type { ReportLang } from './report-format';

/** The report language for a UI language or a `lang` parameter (reports exist in German and English). */
export const reportLang = (uiLanguage: string): ReportLang => (uiLanguage === 'en' ? 'en' : 'de');

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The report's query: `stichtag` (YYYY-MM-DD, default today in Germany), `lang` and, for a town
 * report, `netzwerk` (the slug of the network to compare with; null: the town's first). A report whose
 * address names no language (or an unknown one) is in the dashboard's language `uiLanguage`; `lang=de`
 * or `lang=en` (a shared link, the PDF renderer, the toolbar's choice) fixes it.
 */
export function reportParams(
  search: string,
  uiLanguage: string,
): { asOf: string; lang: ReportLang; network: string | null } {
  const params = new URLSearchParams(search);
  const date = params.get('stichtag') ?? '';
  const requested = params.get('lang');
  const network = params.get('netzwerk') ?? '';
  return {
    asOf: isIsoDate(date) ? date : todayIso(),
    lang: requested === 'de' || requested === 'en' ? requested : reportLang(uiLanguage),
    network: SLUG.test(network) ? network : null,
  };
}

/**
 * The stable link of a report: German path, date always included so it shows the same numbers later.
 * With `lang` the link fixes the language (what a printed or shared link should reproduce); without it
 * the report is in the language of whoever opens it (the dashboard's own links). `network`: the town
 * report's network to compare with.
 */
export function reportPath(
  kind: 'stadt' | 'netzwerk',
  slug: string,
  asOf: string,
  lang?: ReportLang,
  network?: string,
): string {
  return `/berichte/${kind}/${slug}?stichtag=${asOf}${lang ? `&lang=${lang}` : ''}${network ? `&netzwerk=${network}` : ''}`;
}

/** The address without its `lang` parameter: the report follows the dashboard's language again. */
export function withoutLang(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  params.delete('lang');
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

export function reportPdfPath(
  kind: 'towns' | 'networks',
  slug: string,
  asOf: string,
  lang: ReportLang,
  network?: string,
): string {
  return `/api/reports/${kind}/${slug}.pdf?asOf=${asOf}&lang=${lang}${network ? `&network=${network}` : ''}`;
}
