import i18n from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ReportLang } from '../report-format';

/**
 * The report in the language of its `lang` parameter (the PDF renderer opens the page with it): its
 * components translate with a clone of the i18next instance that shares the translations, so the
 * dashboard's language – and the preference stored for it – stay as they are. The report's own
 * container carries `lang` (WCAG 3.1.2: the report and its loading and error messages are read in the
 * report's language); <html lang> stays the dashboard's, whose header and navigation are around it.
 */
export function ReportLanguage({ lang, children }: { lang: ReportLang; children: ReactNode }) {
  const instance = useMemo(() => i18n.cloneInstance({ lng: lang }), [lang]);
  return (
    <I18nextProvider i18n={instance}>
      <div lang={lang} className="report-language">
        {children}
      </div>
    </I18nextProvider>
  );
}
