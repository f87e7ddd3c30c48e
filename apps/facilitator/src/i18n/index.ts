import { watch } from 'vue';
import { createI18n } from 'vue-i18n';
import { preferredLanguage, type CoreMessages, type Language } from '@leadboard/core';
import coreContent from '@leadboard/core/i18n/en.json';
import coreNotices from '@leadboard/core/i18n/notices.en.json';
import en from './en.json';

/**
 * The app's own words (`en.json`, `de.json`) beside core's workshop content, privacy notice and
 * refusals; the words of the exports are the server's, so they stay out of the first load.
 */
export type AppMessages = typeof en;
export type MessageSchema = typeof coreContent & typeof coreNotices & AppMessages;

declare module 'vue-i18n' {
  // Keys passed to t() are checked against the English catalogue.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}

/** Dates and times as each language writes them (`d(epoch, 'long')`). */
const datetimeFormats = {
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  long: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  full: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
} as const;

/** Percentages and whole numbers with each language's separators (`n(0.42, 'percent')`). */
const numberFormats = {
  percent: { style: 'percent', maximumFractionDigits: 0 },
  integer: { maximumFractionDigits: 0 },
} as const;

export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en: { ...coreContent, ...coreNotices, ...en } },
  datetimeFormats: { en: datetimeFormats, de: datetimeFormats },
  numberFormats: { en: numberFormats, de: numberFormats },
  missingWarn: false,
  fallbackWarn: false,
});

/** Catalogues that are not in the first bundle, core's and the app's: fetched the first time their language is used. */
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<[CoreMessages, AppMessages]>> = {
  de: () => Promise.all([import('@leadboard/core/i18n/de').then((m) => m.default), import('./de.json').then((m) => m.default)]),
};

/** The browser's preferred language if a workshop can run in it ("de-AT" counts as German), else English. */
export function browserLanguage(preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): Language {
  return preferredLanguage(preferred);
}

const loading = new Map<Language, Promise<void>>();

/** Load a language's catalogue once. */
export function loadLanguage(language: Language): Promise<void> {
  if (language === 'en' || i18n.global.availableLocales.includes(language)) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = LOADERS[language]().then(([core, app]) => i18n.global.setLocaleMessage(language, { ...core, ...app }));
    loading.set(language, pending);
  }
  return pending;
}

let wanted: Language = 'en';

/** Show the app in a language: its catalogue first, then every text at once, and `<html lang>` with it. */
export async function setLanguage(language: Language): Promise<void> {
  wanted = language;
  await loadLanguage(language);
  // A later call may have asked for another language while this one loaded.
  if (wanted !== language) return;
  i18n.global.locale.value = language;
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** A workshop's pages speak its language, and switch the moment the facilitator changes it. */
export function followWorkshopLanguage(language: () => Language | undefined): void {
  watch(language, (next) => {
    if (next) void setLanguage(next);
  }, { immediate: true });
}
