import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { browserStorage, type KeyValueStorage } from '@leadboard/client';
import { isLanguage, preferredLanguage, type Language } from '@leadboard/core';
import { showLanguage } from '../i18n/index.js';
import { useRoomStore } from './room.js';

/** Where this phone keeps a language its person chose; it outranks the workshop's, on this phone only. */
export const LANGUAGE_KEY = 'leadboard.language';

/** The browser's languages, for a phone that is not in a workshop yet. */
function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

/** The language this phone chose for itself, if any. */
export function ownLanguage(storage: KeyValueStorage = browserStorage()): Language | null {
  const stored = storage.getItem(LANGUAGE_KEY);
  return isLanguage(stored) ? stored : null;
}

/** The language a phone opens in, before any workshop has spoken: its own choice, else the browser's. */
export function openingLanguage(storage: KeyValueStorage = browserStorage()): Language {
  return ownLanguage(storage) ?? preferredLanguage(browserLanguages());
}

/**
 * What this phone speaks: the person's own choice, else the workshop's language as it arrives (a
 * change on the console flips the phone live), else, before joining, the browser's.
 */
export const useLanguageStore = defineStore('language', () => {
  const storage = browserStorage();
  const room = useRoomStore();
  const own = ref<Language | null>(ownLanguage(storage));
  const workshop = computed<Language | null>(() => room.meta?.settings.language ?? null);
  const current = computed<Language>(() => own.value ?? workshop.value ?? preferredLanguage(browserLanguages()));

  watch(current, (language) => void showLanguage(language).catch(() => undefined), { immediate: true });

  /** Speak this language on this phone from now on, whatever the workshop speaks; null follows the workshop again. */
  function choose(language: Language | null): void {
    own.value = language;
    if (language) storage.setItem(LANGUAGE_KEY, language);
    else storage.removeItem(LANGUAGE_KEY);
  }

  return { own, workshop, current, choose };
});
