import type { TFunction } from 'i18next';
import type { Route } from './router';

/**
 * The document title of a route in the UI language (WCAG 2.4.2): the page first, then the product, so
 * a tab, a bookmark or a screen reader's window list names the page ("Mühlhausen – Schaufenster").
 * `name` is the town's or network's name on pages about one; until it is known the kind of page stands in.
 */
export function pageTitle(route: Route, t: TFunction, name?: string): string {
  const page = (key: string): string => t('a11y.title.page', { page: key });
  switch (route.name) {
    case 'home':
      return page(t('a11y.title.home'));
    case 'town':
      return page(name ?? t('a11y.title.town'));
    case 'network':
      return page(name ?? t('a11y.title.network'));
    case 'signIn':
      return page(t('a11y.title.signIn'));
    case 'adminUsers':
      return page(t('a11y.title.adminUsers'));
    case 'changePassword':
      return page(t('a11y.title.changePassword'));
    case 'benchmark':
      return page(t('a11y.title.benchmark'));
    case 'knowledgeBase':
      return page(t('a11y.title.knowledgeBase'));
    case 'kpiDefinitions':
      return page(t('a11y.title.kpiDefinitions'));
    case 'import':
      return page(t('a11y.title.import'));
    case 'walk':
      return page(t('a11y.title.walk'));
    case 'townReport':
      return page(name ? t('a11y.title.townReport', { town: name }) : t('a11y.title.townReportUnnamed'));
    case 'networkReport':
      return page(
        name ? t('a11y.title.networkReport', { network: name }) : t('a11y.title.networkReportUnnamed'),
      );
    case 'notFound':
      return page(t('a11y.title.notFound'));
  }
}
