import i18n from 'i18next';
import { formatNumber } from '../../../lib/format';

/** A counter's position `[lon, lat]` as „51,20810° N, 10,45360° O“ (five decimals: about a metre). */
export const positionText = ([lon, lat]: [number, number]): string =>
  i18n.t('footfall.position.text', { lat: formatNumber(lat, 5), lon: formatNumber(lon, 5) });
