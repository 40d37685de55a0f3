import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useSearch } from '../../../router/router';
import type { ReportLang } from '../report-format';
import { reportLang, reportParams, withoutLang } from '../report-url';

/**
 * A report page's date and language. Call it outside the report's <ReportLanguage>: it reads the
 * dashboard's language. Without `lang` in the address the report is in the dashboard's language; with
 * it, in that language – until the header's language switch changes the dashboard's language: then the
 * report follows, and `lang` leaves the address (replaced, not a new history entry).
 * `langFor` is the `lang` to write for the toolbar's choice: none when it is the dashboard's language
 * anyway (the report keeps following the header's switch), else the language chosen.
 */
export interface ReportParams {
  asOf: string;
  lang: ReportLang;
  /** The town report's network to compare with, as the address names it (null: the town's first). */
  network: string | null;
  langFor: (chosen: ReportLang) => ReportLang | undefined;
}

export function useReportParams(): ReportParams {
  const search = useSearch();
  const { i18n } = useTranslation();
  const uiLanguage = i18n.language;
  const shown = useRef(uiLanguage);
  useEffect(() => {
    if (shown.current === uiLanguage) return;
    shown.current = uiLanguage;
    if (new URLSearchParams(window.location.search).has('lang')) {
      navigate(withoutLang(window.location.pathname, window.location.search), { replace: true });
    }
  }, [uiLanguage]);
  return {
    ...reportParams(search, uiLanguage),
    langFor: (chosen) => (chosen === reportLang(uiLanguage) ? undefined : chosen),
  };
}
