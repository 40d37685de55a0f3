import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { City } from '../../../lib/domain';
import { onLinkClick } from '../../../router/router';
import { signInHref } from '../../../ui/ApiErrorMessage';
import { LoadError, Loading } from '../../../ui/Status';
import { useSession } from '../../auth/hooks/use-session';
import { mayEditTown } from '../../auth/permissions';
import { useCities } from '../hooks/use-cities';

/**
 * A page for the towns the user edits (the data import, the site walk), chosen by slug in the address:
 * loading, the sign-in link for anonymous visitors, „no town“ for readers, the town chooser, and the
 * chosen town's content. A town the user edits alone is chosen for them.
 */
export function EditedTownPage({
  slug,
  onChoose,
  texts,
  children,
}: {
  slug: string;
  /** Another town chosen (the page may ask first, e.g. about unsaved input). */
  onChoose: (slug: string) => void;
  texts: { signIn: string; noTowns: string };
  /** The content for the chosen town; `requested` is a town named in the address that the user does not edit. */
  children: (town: City | undefined, requested: City | undefined) => ReactNode;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const cities = useCities();
  const selectId = useId();
  if (session.isPending || cities.isPending) return <Loading />;
  if (cities.error) return <LoadError error={cities.error} onRetry={() => void cities.refetch()} />;
  if (!session.data?.user) {
    return (
      <p className="page-message">
        <a href={signInHref()} onClick={onLinkClick}>
          {texts.signIn}
        </a>
      </p>
    );
  }
  const towns = cities.data.filter((c) => mayEditTown(session.data, c.id));
  const town = towns.find((c) => c.slug === slug) ?? (towns.length === 1 ? towns[0] : undefined);
  const requested =
    slug && !towns.some((c) => c.slug === slug) ? cities.data.find((c) => c.slug === slug) : undefined;
  return (
    <>
      {towns.length === 0 ? (
        <p className="page-message">{texts.noTowns}</p>
      ) : (
        <div className="field">
          <label htmlFor={selectId}>{t('import.town')}</label>
          <select id={selectId} value={town?.slug ?? ''} onChange={(e) => onChoose(e.target.value)}>
            <option value="">{t('import.chooseTown')}</option>
            {towns.map((c) => (
              <option key={c.id} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {children(town, requested)}
    </>
  );
}
