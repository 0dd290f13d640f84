// Translations: Dutch first, English second. Every string people see lives in
// locales/*.json; code only names keys. The choice is kept in localStorage (a preference,
// not personal data).
import i18next from 'i18next';
import nl from './locales/nl.json';
import en from './locales/en.json';

export type Lang = 'nl' | 'en';
const STORAGE_KEY = 'passend.taal';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export const i18n = i18next.createInstance();
void i18n.init({
  lng: initialLang(),
  fallbackLng: 'nl',
  resources: { nl: { translation: nl }, en: { translation: en } },
  interpolation: { escapeValue: false }, // Preact escapes text itself
  initImmediate: false,
} as Parameters<typeof i18n.init>[0]);

export const t = (key: string, options?: Record<string, unknown>): string =>
  i18n.t(key, options as never) as unknown as string;

export function lang(): Lang {
  return i18n.language === 'en' ? 'en' : 'nl';
}

export function setLang(next: Lang): Promise<unknown> {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* private mode: the choice lasts this visit */
  }
  document.documentElement.lang = next;
  return i18n.changeLanguage(next);
}

// Dutch number and date formats for people (Europe/Amsterdam).
export const formatNumber = (n: number, digits = 0): string =>
  new Intl.NumberFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(n);

export const formatDateTime = (iso: string): string =>
  new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));

// "maart 2026" / "March 2026": when a review score or an inspection was measured.
export const formatMonth = (date: string): string =>
  new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(date + 'T12:00:00Z'));

export const formatDate = (iso: string): string =>
  new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
