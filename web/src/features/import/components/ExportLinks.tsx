import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDownload } from '../../../lib/use-download';
import { errorMessageKey, errorMessageValues } from '../../../lib/error-message';
import { exportLinks, type ExportLink } from '../import-mapping';

/**
 * Downloads of the town's storefronts with their current status (and the history in XLSX). A click
 * fetches the file, so that a refusal (a workbook too large, every download slot taken) is explained
 * here in words instead of the browser's "download failed"; the links stay links (open in a new tab,
 * save as …).
 */
export function ExportLinks({ cityId, town }: { cityId: string; town: string }) {
  const { t } = useTranslation();
  const { busy, error, download } = useDownload<ExportLink['format']>();
  const onClick = (event: MouseEvent<HTMLAnchorElement>, link: ExportLink): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void download(link.format, link.href, link.accept);
  };
  return (
    <section className="panel-section" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('import.export.heading', { town })}</h2>
      <ul className="export-links">
        {exportLinks(cityId).map((link) => (
          <li key={link.format}>
            <a
              href={link.href}
              download
              aria-busy={busy === link.format}
              onClick={(event) => onClick(event, link)}
            >
              {t(`import.export.${link.format}`)}
            </a>
          </li>
        ))}
      </ul>
      {/* visible too: a town's workbook takes seconds to build */}
      <p className="hint" role="status">
        {busy !== null ? t('import.export.busy', { file: t(`import.export.${busy}`) }) : ''}
      </p>
      {error !== null && (
        <p className="form__error" role="alert" data-testid="export-error">
          {t(errorMessageKey(error), errorMessageValues(error))}
        </p>
      )}
    </section>
  );
}
