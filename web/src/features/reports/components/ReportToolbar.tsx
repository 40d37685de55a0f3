import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, todayIso } from '../../../lib/dates';
import { onLinkClick } from '../../../router/router';
import { RECORDED_TEXT_LANG } from '../../../lib/domain';
import type { ReportLang } from '../report-format';
import { useDownload } from '../../../lib/use-download';
import { PDF, pdfErrorKey } from '../report-pdf';
import { reportLang } from '../report-url';
import { useInputFollowing } from '../../../ui/use-input-following';

interface Props {
  asOf: string;
  lang: ReportLang;
  pdfHref: string;
  backHref: string;
  /** A town report's networks to compare with, and the one shown: a choice when there are several. */
  networks?: { slug: string; name: string }[];
  network?: string;
  onChange: (asOf: string, lang: ReportLang, network?: string) => void;
}

/** Date, language, (network,) print and PDF: screen only (hidden in print). */
export function ReportToolbar({ asOf, lang, pdfHref, backHref, networks = [], network, onChange }: Props) {
  const { t } = useTranslation();
  const [date, setDate] = useInputFollowing(asOf);
  const [language, setLanguage] = useInputFollowing<ReportLang>(lang);
  const [compareWith, setCompareWith] = useInputFollowing(network);
  const pdf = useDownload<'pdf'>();
  const pdfBusy = pdf.busy !== null;
  const pdfError = pdf.error;
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (isIsoDate(date)) onChange(date, language, compareWith);
  };
  // The server renders the PDF (seconds, up to about a minute): the button says so meanwhile.
  const downloadPdf = (): Promise<void> => pdf.download('pdf', pdfHref, PDF);
  return (
    <form className="report-toolbar" aria-label={t('reports.toolbar.label')} onSubmit={submit}>
      <a href={backHref} onClick={onLinkClick}>
        ← {t('reports.toolbar.back')}
      </a>
      <label>
        {t('reports.toolbar.date')}{' '}
        {/* a report states facts: no date after today (the API refuses one too) */}
        <input type="date" value={date} required max={todayIso()} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        {t('reports.toolbar.language')}{' '}
        <select value={language} onChange={(e) => setLanguage(reportLang(e.target.value))}>
          <option value="de" lang="de">
            Deutsch
          </option>
          <option value="en" lang="en">
            English
          </option>
        </select>
      </label>
      {networks.length > 1 && (
        <label>
          {t('reports.toolbar.network')}{' '}
          <select value={compareWith} onChange={(e) => setCompareWith(e.target.value)}>
            {networks.map((n) => (
              <option key={n.slug} value={n.slug} lang={RECORDED_TEXT_LANG}>
                {n.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit">{t('reports.toolbar.apply')}</button>
      <span className="report-toolbar__end">
        <button type="button" onClick={() => window.print()}>
          {t('reports.toolbar.print')}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={pdfBusy}
          aria-busy={pdfBusy}
          onClick={() => void downloadPdf()}
          data-testid="report-pdf"
        >
          {pdfBusy ? t('reports.toolbar.pdfBusy') : t('reports.toolbar.pdf')}
        </button>
      </span>
      <span className="visually-hidden" role="status">
        {pdfBusy ? t('reports.toolbar.pdfBusy') : ''}
      </span>
      {pdfError !== null && (
        <p className="form__error report-toolbar__error" role="alert">
          {t(pdfErrorKey(pdfError), { message: pdfError.message })}
        </p>
      )}
    </form>
  );
}
