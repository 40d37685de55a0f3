import { useTranslation } from 'react-i18next';
import { isPasswordChangeRequired } from '../../../lib/error-message';
import { onLinkClick } from '../../../router/router';
import { reportErrorCode } from '../hooks/use-town-report';

/** Loading and refusal states; the root carries data-report-ready="error" for the PDF renderer. */
export function ReportError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  // Refused for a temporary password: the password form is about to take the page's place (ui/Status.tsx).
  if (isPasswordChangeRequired(error)) return <ReportLoading />;
  const code = reportErrorCode(error);
  const message = {
    unauthenticated: t('reports.signInNeeded'),
    forbidden: t('reports.noAccess'),
    'not-found': t('reports.notFound'),
    failed: t('reports.failed'),
  }[code];
  return (
    <div className="report report--error" data-report-ready="error" data-report-error={code}>
      {/* the page's heading, for those who find their way by headings (the report's own is not shown) */}
      <h1 className="visually-hidden">{t('reports.unavailable')}</h1>
      <p className="page-message" role="alert">
        {message}
      </p>
      {code === 'unauthenticated' && (
        <p className="page-message">
          <a
            href={`/anmelden?weiter=${encodeURIComponent(window.location.pathname + window.location.search)}`}
            onClick={onLinkClick}
          >
            {t('auth.signIn')}
          </a>
        </p>
      )}
    </div>
  );
}

export function ReportLoading() {
  const { t } = useTranslation();
  return (
    <p className="page-message" role="status" data-report-ready="false">
      {t('reports.loading')}
    </p>
  );
}
