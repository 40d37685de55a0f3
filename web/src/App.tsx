import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserMenu } from './features/auth/components/UserMenu';
import { useSession } from './features/auth/hooks/use-session';
import { HomePage } from './pages/HomePage';
import { PageTitle } from './pages/PageTitle';
import { usePageFocus } from './router/page-focus';
import { matchRoute, onLinkClick, usePathname, type Route } from './router/router';
import { LanguageSwitch } from './ui/LanguageSwitch';
import { Loading } from './ui/Status';

// Map pages are separate chunks: maplibre-gl loads only when a map is shown.
const TownPage = lazy(() => import('./pages/TownPage'));
const NetworkPage = lazy(() => import('./pages/NetworkPage'));
const SignInPage = lazy(() => import('./pages/SignInPage'));
const AdminUsersPage = lazy(() => import('./pages/AdminUsersPage'));
const ReportPage = lazy(() => import('./pages/ReportPage'));
const NetworkReportPage = lazy(() => import('./pages/NetworkReportPage'));
const BenchmarkPage = lazy(() => import('./pages/BenchmarkPage'));
const KnowledgeBasePage = lazy(() => import('./pages/KnowledgeBasePage'));
const KpiDefinitionsPage = lazy(() => import('./pages/KpiDefinitionsPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const WalkPage = lazy(() => import('./pages/WalkPage'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage'));

export function App() {
  const { t } = useTranslation();
  const pathname = usePathname();
  const route = matchRoute(pathname);
  // On a temporary password the API answers nothing else: the password form stands in for every page.
  const user = useSession().data?.user;
  // A forced password change stays on screen after it succeeded, to say so and lead on, rather than the
  // page it stood in for replacing it without a word (until the user goes on, or signs out).
  const [forcedChange, setForcedChange] = useState(false);
  if (user?.mustChangePassword === true && !forcedChange) setForcedChange(true);
  if (!user && forcedChange) setForcedChange(false);
  // Another page: its title, and focus on its heading (WCAG 2.4.2, 2.4.3; router/page-focus.ts).
  const main = useRef<HTMLElement>(null);
  usePageFocus(pathname, main);
  // the phone's folded menu closes when a link in it (or anywhere) leads to another page
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    setMenuOpen(false);
  }
  return (
    <>
      <PageTitle route={route} />
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="app-header">
        <a className="app-header__brand" href="/" onClick={onLinkClick}>
          <span className="app-header__title">{t('app.title')}</span>
          <span className="app-header__tagline">{t('app.tagline')}</span>
        </a>
        {/* on a phone the navigation and the account area fold behind „Menü“ (they took a third of the screen) */}
        <button
          type="button"
          className="button button--ghost app-header__menu-button"
          aria-expanded={menuOpen}
          aria-controls="app-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('nav.menu')}
        </button>
        <div id="app-menu" className="app-header__menu" data-open={menuOpen}>
          <nav className="app-nav" aria-label={t('nav.label')}>
            <a
              href="/vergleich"
              onClick={onLinkClick}
              aria-current={route.name === 'benchmark' ? 'page' : undefined}
            >
              {t('nav.benchmark')}
            </a>
            <a
              href="/massnahmen"
              onClick={onLinkClick}
              aria-current={route.name === 'knowledgeBase' ? 'page' : undefined}
            >
              {t('nav.knowledgeBase')}
            </a>
            <a
              href="/kennzahlen"
              onClick={onLinkClick}
              aria-current={route.name === 'kpiDefinitions' ? 'page' : undefined}
            >
              {t('nav.definitions')}
            </a>
          </nav>
          <div className="app-header__end">
            <UserMenu />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className={`app-main app-main--${route.name}`}>
        <Suspense fallback={<Loading />}>
          {forcedChange || route.name === 'changePassword' ? (
            <ChangePasswordPage onContinue={() => setForcedChange(false)} />
          ) : (
            <Routes route={route} />
          )}
        </Suspense>
      </main>
    </>
  );
}

/** The page of a route (the password page is chosen above). */
function Routes({ route }: { route: Route }) {
  const { t } = useTranslation();
  return (
    <>
      {route.name === 'home' && <HomePage />}
      {route.name === 'town' && <TownPage key={route.slug} slug={route.slug} />}
      {route.name === 'network' && <NetworkPage key={route.slug} slug={route.slug} />}
      {route.name === 'signIn' && <SignInPage />}
      {route.name === 'adminUsers' && <AdminUsersPage />}
      {route.name === 'townReport' && <ReportPage key={route.slug} slug={route.slug} />}
      {route.name === 'networkReport' && <NetworkReportPage key={route.slug} slug={route.slug} />}
      {route.name === 'benchmark' && <BenchmarkPage />}
      {route.name === 'knowledgeBase' && <KnowledgeBasePage />}
      {route.name === 'kpiDefinitions' && <KpiDefinitionsPage />}
      {route.name === 'import' && <ImportPage />}
      {route.name === 'walk' && <WalkPage />}
      {route.name === 'notFound' && (
        <div className="page-message">
          <h1>{t('a11y.title.notFound')}</h1>
          <p>{t('app.notFound')}</p>
        </div>
      )}
    </>
  );
}
