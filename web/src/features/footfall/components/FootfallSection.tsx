import { useTranslation } from 'react-i18next';
import { CountingLocations } from './CountingLocations';
import { FootfallTrendChart } from './FootfallTrendChart';
import { FootfallUploadForm } from './FootfallUploadForm';

/** Footfall of one town: counter upload, the counting locations and the trend next to the vacancy rate. */
export function FootfallSection({ cityId }: { cityId: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel-section" aria-labelledby="footfall-heading">
      <h2 id="footfall-heading">{t('footfall.heading')}</h2>
      <FootfallUploadForm cityId={cityId} />
      <CountingLocations cityId={cityId} />
      <FootfallTrendChart cityId={cityId} />
    </section>
  );
}
