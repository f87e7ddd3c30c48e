import { createI18n } from 'vue-i18n';
import { refusalText, type CoreMessages, type Language, type RefusalLike } from '@leadboard/core';
import notices from '@leadboard/core/i18n/notices.en.json';
import join from './en.json';
import type room from './room.en.json';

/**
 * The phone's words come in two parts, each in every language: what the join form needs (core's
 * privacy notice and refusals, `phone.join` and the like) is in the first bundle in English; the
 * room's (core's workshop content, `phone.*` for the screens) comes with the room's own chunk.
 */
export type MessageSchema = CoreMessages & typeof join & typeof room;

declare module 'vue-i18n' {
  // Keys given to t() are checked against the English catalogues.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}

export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  // The room's English words are merged in when the room is wanted: typed whole, present in part until then.
  messages: { en: structuredClone({ ...notices, ...join }) as unknown as MessageSchema },
  datetimeFormats: {
    en: { day: { weekday: 'long', day: 'numeric', month: 'long' } },
    de: { day: { weekday: 'long', day: 'numeric', month: 'long' } },
  },
  missingWarn: false,
  fallbackWarn: false,
});

type Part = 'join' | 'room';
type Words = Record<string, unknown>;

/**
 * Each part of each language, fetched when first wanted. English's join part is in the first bundle;
 * its room part comes inside the room's chunk (`addRoomWords`), so no chunk of words is shared.
 */
const PARTS: Record<Part, Record<Language, () => Promise<Words[]>>> = {
  join: {
    en: async () => [],
    de: () => Promise.all([import('@leadboard/core/i18n/notices.de.json'), import('./de.json')]).then((files) => files.map((f) => f.default)),
  },
  room: {
    en: async () => [],
    de: () => Promise.all([import('@leadboard/core/i18n/de.json'), import('./room.de.json')]).then((files) => files.map((f) => f.default)),
  },
};

const wanted = new Set<Part>(['join']);
/** The language last asked for: what the room's words are fetched in. */
let target: Language = 'en';
const loading = new Map<string, Promise<void>>();

function loadPart(part: Part, language: Language): Promise<void> {
  const key = `${part}:${language}`;
  let pending = loading.get(key);
  if (!pending) {
    pending = PARTS[part][language]().then((files) => {
      // Merged as copies: the catalogue modules stay as they were imported.
      for (const words of files) i18n.global.mergeLocaleMessage(language, structuredClone(words));
    });
    // A failed fetch (offline) may be tried again later.
    pending.catch(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}

/** Fetch what the phone shows of a language (the room's words too, once the room is wanted), once. */
export async function loadLanguage(language: Language): Promise<void> {
  const languages: Language[] = language === 'en' ? ['en'] : ['en', language];
  await Promise.all([...wanted].flatMap((part) => languages.map((l) => loadPart(part, l))));
}

/**
 * The room's words: English's as the room's chunk brings them (the fallback), and the language on
 * screen's, fetched now if it is another.
 */
export async function addRoomWords(english: readonly Words[]): Promise<void> {
  if (!wanted.has('room')) for (const words of english) i18n.global.mergeLocaleMessage('en', structuredClone(words));
  wanted.add('room');
  await loadLanguage(target);
}

/** Show a language: fetch it if need be, then switch every screen and the page's `lang`. */
export async function showLanguage(language: Language): Promise<void> {
  target = language;
  await loadLanguage(language);
  i18n.global.locale.value = language;
  document.documentElement.lang = language;
}

/** A refusal in the phone's current language: by its reason or code, with what it names. */
export function refusalMessage(error: RefusalLike): string {
  const { t, te, n } = i18n.global;
  return refusalText(error, {
    t: (key, named, plural) => (plural === undefined ? t(key, named) : t(key, named, plural)),
    te: (key) => te(key),
    n: (value) => n(value),
  });
}
