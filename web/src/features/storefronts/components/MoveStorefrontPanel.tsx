import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnOpen } from '../../../ui/use-focus-on-open';
import type { LonLat, Storefront } from '../../../lib/domain';
import { formatNumber } from '../../../lib/format';
import { conflictingStorefront } from '../conflict';
import { useUpdateStorefront } from '../hooks/use-storefront-mutations';
import { ConflictNotice } from './ConflictNotice';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { TrackUnsavedInput } from '../../../ui/TrackUnsavedInput';
import { reportChange } from '../../../ui/unsaved-changes';

/**
 * Moves a storefront's point: the user drags the marker, then saves. A position set but not saved is
 * unsaved input like typed text (ui/unsaved-changes): leaving the page or another step that removes the
 * panel asks first; Cancel discards it without a question.
 */
export function MoveStorefrontPanel({
  storefront,
  position,
  onDone,
}: {
  storefront: Storefront;
  position: LonLat;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useUpdateStorefront(storefront.id);
  const conflict = conflictingStorefront(mutation.error);
  const fmt = (p: LonLat): string => `${formatNumber(p[1], 5)}, ${formatNumber(p[0], 5)}`;
  const scope = useRef<HTMLElement>(null);
  const heading = useFocusOnOpen(); // the panel's button that started the move is gone
  const [lon, lat] = storefront.location.coordinates;
  const moved = position[0] !== lon || position[1] !== lat;
  useEffect(() => {
    if (moved && scope.current) reportChange(scope.current); // set on the map: no typing, unsaved all the same
  }, [moved, position]);
  const save = (version: number): void =>
    mutation.mutate(
      { version, changes: { location: { type: 'Point', coordinates: position } } },
      { onSuccess: onDone },
    );
  return (
    <aside className="side-panel" aria-labelledby="move-heading" ref={scope} data-unsaved-scope>
      <TrackUnsavedInput saved={!moved || mutation.isSuccess} />
      <h2 id="move-heading" ref={heading} tabIndex={-1}>
        {t('panel.move')}: {storefront.street} {storefront.houseNumber}
      </h2>
      <p className="hint" role="status">
        {t('form.moveHint')}{' '}
        {t('form.positionSet', { lat: formatNumber(position[1], 5), lon: formatNumber(position[0], 5) })}
      </p>
      {conflict && (
        <ConflictNotice
          rows={[
            { label: t('form.position'), theirs: fmt(conflict.location.coordinates), yours: fmt(position) },
          ]}
          onRetry={() => save(conflict.version)}
          onDiscard={onDone}
        />
      )}
      {mutation.error && !conflict && <ApiErrorMessage error={mutation.error} />}
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={mutation.isPending}
          onClick={() => save(storefront.version)}
        >
          {t('form.savePosition')}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </div>
    </aside>
  );
}
