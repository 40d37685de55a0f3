import i18n from 'i18next';
import { useEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ReportLang } from '../report-format';

/**
 * The report in the language of its `lang` parameter (the PDF renderer opens the page with it): its
 * components translate with a clone of the i18next instance that shares the translations, so the
 * dashboard's language – and the preference stored for it – stay as they are. While the report is
 * shown, the page's `lang` is the report's (the language of the PDF); leaving it restores the
 * dashboard's.
 */
export function ReportLanguage({ lang, children }: { lang: ReportLang; children: ReactNode }) {
  const instance = useMemo(() => i18n.cloneInstance({ lng: lang }), [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
    return () => {
      document.documentElement.lang = i18n.language;
    };
  }, [lang]);
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}
