import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Storefront } from '../../../lib/domain';
import { formatDate } from '../../../lib/format';
import { ApiErrorMessage } from '../../../ui/ApiErrorMessage';
import { BusyButton } from '../../../ui/BusyButton';
import { StatusSwatch } from '../../../ui/StatusSwatch';
import { sinceShown } from '../../storefronts/current-since';
import { useVerifyStorefront } from '../../storefronts/hooks/use-storefront-mutations';
import { walkKeys } from '../api/walk-api';
import { checkedToday } from '../checked-today';

/**
 * One unit of the walk, as the city manager stands in front of it: what is recorded, when it was last
 * checked, and two actions — „unverändert“ records today's check, „ändern“ opens the unit's panel
 * (status change, correction). A unit checked today says so (the day's list keeps it).
 */
export function WalkUnitCard({
  unit,
  cityId,
  onChange,
}: {
  unit: Storefront;
  cityId: string;
  /** Opens the unit's panel to change it. */
  onChange: (unit: Storefront) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const verify = useVerifyStorefront(unit.id);
  const shown = verify.data ?? unit;
  // the button gives way to the confirmation, which takes the focus (not the page: WCAG 2.4.3)
  const done = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (verify.isSuccess) done.current?.focus();
  }, [verify.isSuccess]);
  const address = `${unit.street} ${unit.houseNumber}`;
  const current = shown.current;
  const doneToday = checkedToday(shown.verifiedAt);
  const since = current && sinceShown(current);
  return (
    <li className="card walk-unit" data-testid="walk-unit">
      <h3>
        {address}
        {unit.floor !== 'ground' && <span className="walk-unit__floor"> · {t(`floor.${unit.floor}`)}</span>}
      </h3>
      <p data-testid="walk-current">
        {current && since ? (
          <>
            <StatusSwatch status={current.status} /> {t(`status.${current.status}`)}
            {current.businessName && ` · ${current.businessName}`}
            {' · '}
            {since.of === 'business'
              ? t('walk.businessSince', { date: formatDate(since.date) })
              : t('walk.statusSince', { date: formatDate(since.date) })}
          </>
        ) : (
          '–'
        )}
      </p>
      <p className="hint" data-testid="walk-checked">
        {shown.verifiedAt
          ? t('walk.checkedOn', { date: formatDate(shown.verifiedAt) })
          : t('walk.neverChecked')}
      </p>
      <div className="form__actions">
        {doneToday ? (
          <p role="status" className="walk-unit__done" ref={done} tabIndex={-1}>
            {t('walk.confirmed')}
          </p>
        ) : (
          <BusyButton
            className="button button--primary"
            busy={verify.isPending}
            aria-label={t('walk.confirmNamed', { address })}
            onClick={() =>
              verify.mutate(unit.version, {
                // the counts of units due, and the lists (which keep the unit, now checked today)
                onSuccess: () => void client.invalidateQueries({ queryKey: walkKeys.town(cityId) }),
              })
            }
          >
            {t('walk.confirm')}
          </BusyButton>
        )}
        <button
          type="button"
          className="button"
          onClick={() => onChange(shown)}
          aria-label={t('walk.changeNamed', { address })}
        >
          {t('walk.change')}
        </button>
      </div>
      {verify.error && <ApiErrorMessage error={verify.error} />}
    </li>
  );
}
