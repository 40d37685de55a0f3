import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import type { FootfallLocation } from '../api/footfall-api';
import { useCountingLocations, useDeleteLocation } from '../hooks/use-counting-locations';
import { CountingLocationForm } from './CountingLocationForm';
import { positionText } from './position-text';

/**
 * The town's counting locations: what is stored of each, and the corrections a city manager needs —
 * a typo in the name, a mistyped or missing position, counts uploaded under the wrong location, a
 * location created by mistake.
 */
export function CountingLocations({ cityId }: { cityId: string }) {
  const { t } = useTranslation();
  const locations = useCountingLocations(cityId);
  const remove = useDeleteLocation(cityId);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  // focus after a save (the form closes: back to its row's edit button) and after a deletion (the row
  // is gone: to the message saying so) — never left on the page (WCAG 2.4.3)
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const focusRow = useRef<string | null>(null);
  const deletedMessage = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    editButtons.current.get(focusRow.current)?.focus();
    focusRow.current = null;
  });
  useEffect(() => {
    if (deleted) deletedMessage.current?.focus();
  }, [deleted]);
  const list = locations.data ?? [];
  const current = list.find((l) => l.id === editing);
  if (locations.isError) return <ApiErrorMessage error={locations.error} />;
  // after a deletion, also when it removed the last location
  const deletedStatus = deleted && (
    <p className="hint" role="status" ref={deletedMessage} tabIndex={-1}>
      {t('footfall.locations.deleted', { name: deleted })}
    </p>
  );
  if (list.length === 0) return deletedStatus || null;
  return (
    <div className="counting-locations">
      <div className="table-wrap">
        <table className="storefront-table" data-testid="counting-locations">
          <caption>{t('footfall.locations.caption', { count: list.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('footfall.location')}</th>
              <th scope="col">{t('footfall.locations.position')}</th>
              <th scope="col">{t('footfall.locations.period')}</th>
              <th scope="col">{t('footfall.locations.hours')}</th>
              <th scope="col">{t('footfall.locations.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.name}</th>
                <td>{l.lonLat ? positionText(l.lonLat) : t('footfall.locations.noPosition')}</td>
                <td>{l.firstHour ? `${formatDate(l.firstHour)} – ${formatDate(l.lastHour)}` : '–'}</td>
                <td>{hoursText(t, l)}</td>
                <td>
                  <div className="table-actions">
                    <button
                      type="button"
                      className="button button--ghost"
                      ref={(el) => {
                        if (el) editButtons.current.set(l.id, el);
                        else editButtons.current.delete(l.id);
                      }}
                      aria-expanded={editing === l.id}
                      aria-label={t('footfall.locations.editNamed', { name: l.name })}
                      onClick={() => {
                        setDeleted(null);
                        setEditing(editing === l.id ? null : l.id);
                      }}
                    >
                      {t('footfall.locations.edit')}
                    </button>
                    <ConfirmButton
                      danger
                      label={t('footfall.locations.delete')}
                      accessibleLabel={t('footfall.locations.deleteNamed', { name: l.name })}
                      question={t('footfall.locations.deleteQuestion', {
                        name: l.name,
                        count: l.hours,
                        hours: formatNumber(l.hours),
                      })}
                      confirmLabel={t('footfall.locations.deleteConfirm')}
                      onConfirm={() =>
                        remove.mutate(l.id, {
                          onSuccess: () => {
                            if (editing === l.id) setEditing(null);
                            setDeleted(l.name);
                          },
                        })
                      }
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {remove.error && <ApiErrorMessage error={remove.error} />}
      {deletedStatus}
      {current && (
        <CountingLocationForm
          key={current.id}
          cityId={cityId}
          location={current}
          others={list.filter((l) => l.id !== current.id).map((l) => l.name)}
          onClose={() => {
            focusRow.current = current.id;
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}

function hoursText(t: ReturnType<typeof useTranslation>['t'], l: FootfallLocation): string {
  const hours = t('footfall.locations.hoursCount', { count: l.hours, hours: formatNumber(l.hours) });
  if (l.outageHours === 0) return hours;
  return `${hours} (${t('footfall.report.outages', { count: l.outageHours })})`;
}
