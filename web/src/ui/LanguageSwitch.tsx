import { useTranslation } from 'react-i18next';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'de' : 'en';
  return (
    <button
      type="button"
      className="button button--ghost language-switch"
      lang={next}
      aria-label={t('app.switchToLabel')}
      onClick={() => void i18n.changeLanguage(next)}
      data-testid="language-switch"
    >
      {t('app.switchTo')}
    </button>
  );
}
