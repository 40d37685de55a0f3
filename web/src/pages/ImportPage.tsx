import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/hooks/use-session';
import { mayEditTown } from '../features/auth/permissions';
import { FootfallSection } from '../features/footfall/components/FootfallSection';
import { ExportLinks } from '../features/import/components/ExportLinks';
import { ImportWizard } from '../features/import/components/ImportWizard';
import { useCities } from '../features/towns/hooks/use-cities';
import { onLinkClick, useSearch, useSetSearch } from '../router/router';
import { signInHref } from '../ui/ApiErrorMessage';
import { LoadError, Loading } from '../ui/Status';
import { confirmDiscard } from '../ui/unsaved-changes';

/** Data in and out for the towns the user edits: storefront import, exports and footfall (`/daten/import?stadt=…`). */
export default function ImportPage() {
  const { t } = useTranslation();
  const session = useSession();
  const cities = useCities();
  const search = new URLSearchParams(useSearch());
  const setSearch = useSetSearch();
  const selectId = useId();

  if (session.isPending || cities.isPending) return <Loading />;
  if (cities.error) return <LoadError error={cities.error} onRetry={() => void cities.refetch()} />;
  if (!session.data?.user) {
    return (
      <p className="page-message">
        <a href={signInHref()} onClick={onLinkClick}>
          {t('import.signIn')}
        </a>
      </p>
    );
  }
  const towns = cities.data.filter((c) => mayEditTown(session.data, c.id));
  const wanted = search.get('stadt');
  const town = towns.find((c) => c.slug === wanted) ?? (towns.length === 1 ? towns[0] : undefined);

  return (
    <div className="import-page">
      <h1>{t('import.title')}</h1>
      {towns.length === 0 ? (
        <p className="page-message">{t('import.noTowns')}</p>
      ) : (
        <div className="field">
          <label htmlFor={selectId}>{t('import.town')}</label>
          <select
            id={selectId}
            value={town?.slug ?? ''}
            onChange={(e) => {
              if (!confirmDiscard()) return; // another town starts a new import: the mapping would be lost
              setSearch(e.target.value ? `stadt=${encodeURIComponent(e.target.value)}` : '');
            }}
          >
            <option value="">{t('import.chooseTown')}</option>
            {towns.map((c) => (
              <option key={c.id} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {town && (
        <div key={town.id}>
          <ImportWizard cityId={town.id} />
          <ExportLinks cityId={town.id} town={town.name} />
          <FootfallSection cityId={town.id} />
        </div>
      )}
    </div>
  );
}
