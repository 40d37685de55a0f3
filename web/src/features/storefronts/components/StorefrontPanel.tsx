import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORDED_TEXT_LANG, type Storefront } from '../../../lib/domain';
import { formatArea, formatDate, formatNumber } from '../../../lib/format';
import { BusyButton } from '../../../ui/BusyButton';
import { LoadError, Loading } from '../../../ui/Status';
import { StatusSwatch } from '../../../ui/StatusSwatch';
import { InterventionForm } from '../../interventions/components/InterventionForm';
import { InterventionList } from '../../interventions/components/InterventionList';
import { temporaryUseFrom } from '../../interventions/temporary-use';
import { todayIso } from '../../../lib/dates';
import { useStorefrontInterventions } from '../../interventions/hooks/use-interventions';
import { useDeleteStorefront, useVerifyStorefront } from '../hooks/use-storefront-mutations';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { useOccupancyHistory, useStorefront, useStorefrontVisits } from '../hooks/use-storefront-queries';
import { EditStorefrontForm } from './EditStorefrontForm';
import { OccupancyTimeline } from './OccupancyTimeline';
import { StatusChangeForm } from './StatusChangeForm';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { ChangeHistory } from '../../audit/components/ChangeHistory';
import { useCanEditTown } from '../../auth/hooks/use-can-edit-town';
import { useSession } from '../../auth/hooks/use-session';
import { isSignedIn } from '../../auth/permissions';
import { ContactSection } from '../../contacts/components/ContactSection';
import { ReadOnlyHint } from '../../auth/components/ReadOnlyHint';

type Mode = 'view' | 'status' | 'edit' | 'intervention' | 'temporaryUse';

export interface StorefrontPanelProps {
  id: string;
  asOf: string;
  onClose: () => void;
  /** After the unit was deleted (its address, to say so): close without a history entry that Back would reopen. */
  onDeleted: (address: string) => void;
  onMove: (storefront: Storefront) => void;
}

/** Side panel of one storefront: facts, history, interventions and the editing flows. */
export function StorefrontPanel({ id, asOf, onClose, onDeleted, onMove }: StorefrontPanelProps) {
  const { t } = useTranslation();
  const storefront = useStorefront(id, asOf);
  const history = useOccupancyHistory(id);
  const visits = useStorefrontVisits(id);
  const earlierVisits = (visits.data ?? []).slice(1); // the first is the last verification, shown above
  const session = useSession();
  // Interventions are for signed-in readers only; anonymous visitors see what towns publish.
  const interventions = useStorefrontInterventions(isSignedIn(session.data) ? id : undefined);
  const verify = useVerifyStorefront(id);
  const remove = useDeleteStorefront(id, () =>
    onDeleted(storefront.data ? `${storefront.data.street} ${storefront.data.houseNumber}`.trim() : ''),
  );
  const [mode, setMode] = useState<Mode>('view');
  // „Gespeichert.“ after a form saved and closed (WCAG 4.1.3: focus goes to the heading, the status says
  // what happened); gone with the next form.
  const [saved, setSaved] = useState(false);
  const close = (wasSaved?: boolean): void => {
    setSaved(wasSaved === true);
    setMode('view');
  };
  const open = (next: Mode): void => {
    setSaved(false);
    setMode(next);
  };
  // After a test shop or pop-up in a vacant unit: the day from which to offer recording temporary use.
  const [suggestion, setSuggestion] = useState<{ storefrontId: string; from: string } | null>(null);
  const temporaryUseSince = suggestion?.storefrontId === id ? suggestion.from : null;
  const heading = useRef<HTMLHeadingElement>(null);
  // On opening, and when a form closes (saved or cancelled): focus is not left on a button that is gone.
  const viewing = mode === 'view';
  useEffect(() => {
    if (viewing) heading.current?.focus();
  }, [id, viewing]);

  const s = storefront.data;
  const canEdit = useCanEditTown(s?.cityId);
  return (
    <aside className="side-panel" aria-labelledby="panel-heading" data-testid="storefront-panel">
      <div className="side-panel__header">
        <h2 id="panel-heading" ref={heading} tabIndex={-1}>
          {s ? `${s.street} ${s.houseNumber}`.trim() : t('app.loading')}
        </h2>
        <button
          type="button"
          className="button button--ghost"
          onClick={onClose}
          aria-label={t('panel.close')}
        >
          ✕
        </button>
      </div>
      {storefront.isPending && <Loading />}
      {/* not while or after this panel deletes the unit: the 404 of its last reload is no error */}
      {storefront.error && !remove.isPending && !remove.isSuccess && (
        <LoadError error={storefront.error} onRetry={() => void storefront.refetch()} />
      )}
      {s && (
        <>
          {s.isSynthetic && <p className="badge">{t('panel.synthetic')}</p>}
          <dl className="facts">
            <dt>{t('panel.status')}</dt>
            <dd data-testid="panel-status">
              {s.current ? (
                <>
                  <StatusSwatch status={s.current.status} /> {t(`status.${s.current.status}`)}{' '}
                  {t('panel.since', { date: formatDate(s.current.statusSince) })}
                </>
              ) : (
                t('panel.notExisting')
              )}
            </dd>
            <dt>{t('panel.category')}</dt>
            <dd>{s.current?.useCategory ? t(`category.${s.current.useCategory}`) : '–'}</dd>
            <dt>{t('panel.business')}</dt>
            <dd data-testid="panel-business">
              {s.current?.businessName ? (
                <>
                  {s.current.businessName}{' '}
                  {t('panel.businessSince', { date: formatDate(s.current.validFrom) })}
                </>
              ) : (
                '–'
              )}
            </dd>
            <dt>{t('panel.address')}</dt>
            <dd>
              {s.street} {s.houseNumber}
              {s.postcode && `, ${s.postcode}`}
            </dd>
            <dt>{t('panel.area')}</dt>
            <dd>{formatArea(s.floorAreaM2)}</dd>
            <dt>{t('panel.frontage')}</dt>
            <dd>{s.frontageM === null ? '–' : `${formatNumber(s.frontageM, 1)} m`}</dd>
            <dt>{t('panel.floor')}</dt>
            <dd>{t(`floor.${s.floor}`)}</dd>
            <dt>{t('panel.verifiedAt')}</dt>
            <dd data-testid="panel-verified">{s.verifiedAt ? formatDate(s.verifiedAt) : t('panel.never')}</dd>
            {earlierVisits.length > 0 && (
              <>
                <dt>{t('panel.earlierVisits')}</dt>
                <dd data-testid="panel-earlier-visits">
                  {earlierVisits.map((v) => formatDate(v)).join(', ')}
                </dd>
              </>
            )}
            {/* the town's editors only: the API sends no notes to anyone else */}
            {s.notes && (
              <>
                <dt>{t('panel.notes')}</dt>
                <dd className="facts__notes" data-testid="panel-notes" lang={RECORDED_TEXT_LANG}>
                  {s.notes}
                </dd>
              </>
            )}
          </dl>
          {!s.insidePerimeter && <p className="hint">{t('panel.outsidePerimeter')}</p>}

          {canEdit && mode === 'view' && temporaryUseSince && (
            <div className="notice" role="status" data-testid="temporary-use-suggestion">
              <p>{t('panel.temporaryUseQuestion', { date: formatDate(temporaryUseSince) })}</p>
              <div className="panel-actions">
                <button type="button" className="button button--primary" onClick={() => open('temporaryUse')}>
                  {t('panel.temporaryUseRecord')}
                </button>
                <button type="button" className="button" onClick={() => setSuggestion(null)}>
                  {t('panel.temporaryUseDismiss')}
                </button>
              </div>
            </div>
          )}
          {canEdit && mode === 'view' && (
            <div className="panel-actions">
              <button type="button" className="button button--primary" onClick={() => open('status')}>
                {t('panel.changeStatus')}
              </button>
              <BusyButton className="button" busy={verify.isPending} onClick={() => verify.mutate(s.version)}>
                {t('panel.verifyToday')}
              </BusyButton>
              <button type="button" className="button" onClick={() => open('edit')}>
                {t('panel.edit')}
              </button>
              <button type="button" className="button" onClick={() => onMove(s)}>
                {t('panel.move')}
              </button>
              <button type="button" className="button" onClick={() => open('intervention')}>
                {t('panel.addIntervention')}
              </button>
              <ConfirmButton
                label={t('panel.delete')}
                question={t('panel.deleteQuestion')}
                confirmLabel={t('panel.deleteConfirm')}
                danger
                disabled={remove.isPending}
                onConfirm={() => remove.mutate(s.version)}
              />
            </div>
          )}
          {remove.error && <ApiErrorMessage error={remove.error} />}
          {!canEdit && <ReadOnlyHint signedIn={isSignedIn(session.data)} />}
          {verify.isSuccess && mode === 'view' && <p role="status">{t('panel.verified')}</p>}
          <p role="status" data-testid="panel-saved">
            {saved && mode === 'view' ? t('panel.saved') : ''}
          </p>
          {verify.error && <ApiErrorMessage error={verify.error} />}
          {canEdit && mode === 'status' && <StatusChangeForm storefront={s} onDone={close} />}
          {canEdit && mode === 'temporaryUse' && temporaryUseSince && (
            <StatusChangeForm
              storefront={s}
              initial={{ date: temporaryUseSince, status: 'temporary_use' }}
              onDone={(wasSaved) => {
                setSuggestion(null);
                close(wasSaved);
              }}
            />
          )}
          {canEdit && mode === 'edit' && <EditStorefrontForm storefront={s} onDone={close} />}
          {canEdit && mode === 'intervention' && (
            <InterventionForm
              cityId={s.cityId}
              storefrontId={s.id}
              onDone={(saved) => {
                const from = saved && temporaryUseFrom(saved, history.data ?? [], todayIso());
                setSuggestion(from ? { storefrontId: s.id, from } : null);
                close(saved !== undefined);
              }}
            />
          )}
          {canEdit && <ContactSection storefrontId={s.id} storefrontVersion={s.version} />}

          <section aria-labelledby="history-heading">
            <h3 id="history-heading">{t('panel.history')}</h3>
            {history.data && <OccupancyTimeline periods={history.data} editable={canEdit ? s : undefined} />}
          </section>
          {isSignedIn(session.data) && (
            <section aria-labelledby="interventions-heading">
              <h3 id="interventions-heading">{t('panel.interventions')}</h3>
              {interventions.data && (
                <InterventionList interventions={interventions.data} canEdit={canEdit} />
              )}
            </section>
          )}
          {canEdit && <ChangeHistory storefrontId={s.id} />}
        </>
      )}
    </aside>
  );
}
