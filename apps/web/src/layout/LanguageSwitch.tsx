import { useI18n } from '../i18n/i18n';

/** Switches between Svenska and English; the button names the other language in that language. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const other = locale === 'sv' ? 'en' : 'sv';
  return (
    <button type="button" className="button button--quiet" onClick={() => setLocale(other)}>
      <span className="visually-hidden">{t('layout.switchLanguage')} </span>
      <span lang={other}>{other === 'en' ? 'English' : 'Svenska'}</span>
    </button>
  );
}
