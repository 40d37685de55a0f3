import i18n from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next, useTranslation } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ReportLanguage } from './ReportLanguage';

beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    lng: 'de',
    fallbackLng: 'de',
    resources: {
      de: { translation: { reports: { kind: 'Leerstandsbericht' } } },
      en: { translation: { reports: { kind: 'Vacancy report' } } },
    },
  });
});

function Title() {
  const { t } = useTranslation();
  return createElement('h1', null, t('reports.kind'));
}

describe('ReportLanguage', () => {
  it('translates the report in its own language without changing the dashboard’s', () => {
    const changed = vi.fn();
    i18n.on('languageChanged', changed);
    const html = renderToStaticMarkup(
      createElement(ReportLanguage, { lang: 'en', children: createElement(Title) }),
    );
    expect(html).toBe('<div lang="en" class="report-language"><h1>Vacancy report</h1></div>');
    expect(i18n.language).toBe('de');
    expect(changed).not.toHaveBeenCalled();
    i18n.off('languageChanged', changed);
  });
});
