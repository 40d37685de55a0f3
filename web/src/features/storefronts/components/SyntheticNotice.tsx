import { useTranslation } from 'react-i18next';
import { useStorefrontList } from '../hooks/use-storefront-queries';

/**
 * "Synthetische Demodaten" banner when the town's storefronts are synthetic (checks one record).
 */
export function SyntheticNotice({ cityId }: { cityId: string }) {
  const { t } = useTranslation();
  const sample = useStorefrontList({ cityId, pageSize: 1, page: 1 });
  if (!sample.data?.items.some((s) => s.isSynthetic)) return null;
  return (
    <p className="notice" role="note" data-testid="synthetic-notice">
      {t('app.syntheticNotice')}
    </p>
  );
}
