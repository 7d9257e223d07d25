import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { catalogues, type Locale, LOCALES, type MessageKey } from './messages';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const STORAGE_KEY = 'varna.locale';
const TIME_ZONE = 'Europe/Stockholm';

/** Looks a key up in a catalogue and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = catalogues[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Dates and numbers follow sv-SE whatever the language (domain.md §5.4–5.5), in Europe/Stockholm. */
const numberFormat = new Intl.NumberFormat('sv-SE');
const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export const formatNumber = (value: number): string => numberFormat.format(value);
/** An instant as `2026-11-16 10:00` in Europe/Stockholm. */
export const formatDateTime = (iso: string | Date): string => dateTimeFormat.format(new Date(iso));
/** A calendar date (`YYYY-MM-DD`, already a Stockholm date) as shown: unchanged, the sv-SE format. */
export const formatDate = (isoDate: string): string => isoDate;
/** Today's calendar date in Europe/Stockholm, `YYYY-MM-DD`. */
export const todayInStockholm = (now: Date = new Date()): string => dateFormat.format(now);
/** A long date in the UI language, e.g. "måndag 16 november 2026". */
export function formatLongDate(locale: Locale, now: Date = new Date()): string {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: TIME_ZONE,
    dateStyle: 'full',
  }).format(now);
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // Storage may be switched off; Swedish it is.
  }
  return 'sv';
}

/** One i18n mechanism: Swedish by default, English on request, the choice kept in localStorage. */
export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => fixed ?? initialLocale());
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not kept, but switched for this visit.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
