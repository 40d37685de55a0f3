import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A wide report table on a narrow screen: it scrolls sideways inside this box instead of widening the
 * page (a data table keeps its columns; WCAG 1.4.10 allows that for two-dimensional content). The box
 * takes the keyboard focus, so it can be scrolled without a mouse, and is named after its section
 * („… (Tabelle)“: the section itself is a region of that name). In print the table is as wide as the
 * page allows, as before.
 */
export function TableScroll({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div
      className="report-table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('reports.tableScroll', { title })}
    >
      {children}
    </div>
  );
}
