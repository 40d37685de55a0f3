import i18n from 'i18next';
import de from './de.json';
import en from './en.json';

/** For unit tests: the shared i18next instance with the app's bundles, German first (as the app starts). */
export const initAppI18n = (): Promise<unknown> =>
  i18n.init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: 'de',
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
  });
