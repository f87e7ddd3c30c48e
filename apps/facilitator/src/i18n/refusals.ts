import { useI18n, type Composer } from 'vue-i18n';
import { errorMessage, HttpError } from '@leadboard/client';
import { refusalText, type RefusalLike, type RefusalWords } from '@leadboard/core';
import { i18n } from './index.js';

/**
 * A refusal in the language on screen: in English the server's own message (it is written in
 * English, and often says more than the code), in another language from the refusal's reason, else
 * its code, with what it names.
 */
function word(locale: string, words: RefusalWords, refusal: RefusalLike & { message?: string }): string {
  return locale === 'en' && refusal.message ? refusal.message : refusalText(refusal, words);
}

/** What `refusalText` needs of a composer: a component's (`useI18n`) or the app's (`i18n.global`). */
function wordsOf({ t, te, n }: Pick<Composer, 't' | 'te' | 'n'>): RefusalWords {
  return {
    t: (key, named, plural) => (plural === undefined ? t(key, named) : t(key, named, plural)),
    te: (key) => te(key),
    n: (value) => n(value),
  };
}

/** Words a refusal from the room in the language on screen (see `word`). */
export function useRefusalText(): (refusal: RefusalLike & { message?: string }) => string {
  const composer = useI18n();
  const words = wordsOf(composer);
  return (refusal) => word(composer.locale.value, words, refusal);
}

/**
 * Words a failed request in the language on screen: in English the server's message; in another
 * language the app's words for the HTTP status where it has them (`http.<status>`), else the
 * refusal's code as a room's refusal is worded. A server that could not be reached is in the app's
 * words already, and an error that is no refusal at all is worded `fallback`.
 */
export function failureText(error: unknown, fallback: string): string {
  if (!(error instanceof HttpError) || error.status === 0) return errorMessage(error, fallback);
  // The app's composer is typed by its catalogue; as words for a refusal any composer will do.
  const global = i18n.global as unknown as Composer;
  const status = `http.${error.status}`;
  if (global.locale.value !== 'en' && global.te(status)) return global.t(status);
  return word(global.locale.value, wordsOf(global), error);
}
