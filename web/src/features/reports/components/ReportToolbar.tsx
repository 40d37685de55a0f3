import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../lib/dates';
import { onLinkClick } from '../../../router/router';
import type { ReportLang } from '../report-format';

interface Props {
  asOf: string;
  lang: ReportLang;
  pdfHref: string;
  backHref: string;
  onChange: (asOf: string, lang: ReportLang) => void;
}

/** Date, language, print and PDF: screen only (hidden in print). */
export function ReportToolbar({ asOf, lang, pdfHref, backHref, onChange }: Props) {
  const { t } = useTranslation();
  const [date, setDate] = useState(asOf);
  const [language, setLanguage] = useState<ReportLang>(lang);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (isIsoDate(date)) onChange(date, language);
  };
  return (
    <form className="report-toolbar" aria-label={t('reports.toolbar.label')} onSubmit={submit}>
      <a href={backHref} onClick={onLinkClick}>
        ← {t('reports.toolbar.back')}
      </a>
      <label>
        {t('reports.toolbar.date')}{' '}
        <input type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        {t('reports.toolbar.language')}{' '}
        <select value={language} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'de')}>
          <option value="de">Deutsch</option>
          <option value="en">English</option>
        </select>
      </label>
      <button type="submit">{t('reports.toolbar.apply')}</button>
      <span className="report-toolbar__end">
        <button type="button" onClick={() => window.print()}>
          {t('reports.toolbar.print')}
        </button>
        <a className="button" href={pdfHref} download>
          {t('reports.toolbar.pdf')}
        </a>
      </span>
    </form>
  );
}
