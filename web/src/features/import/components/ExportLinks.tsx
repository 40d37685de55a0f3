import { useTranslation } from 'react-i18next';
import { exportLinks } from '../import-mapping';

/** Downloads of the town's storefronts with their current status (and the history in XLSX). */
export function ExportLinks({ cityId, town }: { cityId: string; town: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel-section" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('import.export.heading', { town })}</h2>
      <ul className="export-links">
        {exportLinks(cityId).map((link) => (
          <li key={link.format}>
            <a href={link.href} download>
              {t(`import.export.${link.format}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
