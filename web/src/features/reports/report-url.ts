import { isIsoDate, todayIso } from '../../lib/dates';
import type { ReportLang } from './report-format';

/** The report language for a UI language or a `lang` parameter (reports exist in German and English). */
export const reportLang = (uiLanguage: string): ReportLang => (uiLanguage === 'en' ? 'en' : 'de');

/** The report's query: `stichtag` (YYYY-MM-DD, default today in Germany) and `lang` (de default). */
export function reportParams(search: string): { asOf: string; lang: ReportLang } {
  const params = new URLSearchParams(search);
  const date = params.get('stichtag') ?? '';
  return { asOf: isIsoDate(date) ? date : todayIso(), lang: reportLang(params.get('lang') ?? '') };
}

/** The stable link of a report: German path, date always included so it shows the same numbers later. */
export function reportPath(kind: 'stadt' | 'netzwerk', slug: string, asOf: string, lang: ReportLang): string {
  return `/berichte/${kind}/${slug}?stichtag=${asOf}${lang === 'en' ? '&lang=en' : ''}`;
}

export function reportPdfPath(
  kind: 'towns' | 'networks',
  slug: string,
  asOf: string,
  lang: ReportLang,
): string {
  return `/api/reports/${kind}/${slug}.pdf?asOf=${asOf}&lang=${lang}`;
}
