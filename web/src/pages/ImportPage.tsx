import { useTranslation } from 'react-i18next';
import { FootfallSection } from '../features/footfall/components/FootfallSection';
import { ExportLinks } from '../features/import/components/ExportLinks';
import { ImportWizard } from '../features/import/components/ImportWizard';
import { EditedTownPage } from '../features/towns/components/EditedTownPage';
import { useSearch, useSetSearch } from '../router/router';
import { confirmDiscard } from '../ui/unsaved-changes';

/** Data in and out for the towns the user edits: storefront import, exports and footfall (`/daten/import?stadt=…`). */
export default function ImportPage() {
  const { t } = useTranslation();
  const search = new URLSearchParams(useSearch());
  const setSearch = useSetSearch();
  return (
    <div className="import-page">
      <h1>{t('import.title')}</h1>
      <EditedTownPage
        slug={search.get('stadt') ?? ''}
        onChoose={(slug) => {
          if (!confirmDiscard()) return; // another town starts a new import: the mapping would be lost
          setSearch(slug ? `stadt=${encodeURIComponent(slug)}` : '');
        }}
        texts={{ signIn: t('import.signIn'), noTowns: t('import.noTowns') }}
      >
        {(town) =>
          town && (
            <div key={town.id}>
              <ImportWizard cityId={town.id} />
              <ExportLinks cityId={town.id} town={town.name} />
              <FootfallSection cityId={town.id} />
            </div>
          )
        }
      </EditedTownPage>
    </div>
  );
}
