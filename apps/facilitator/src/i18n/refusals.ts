import { useI18n } from 'vue-i18n';
import { refusalText, type RefusalLike } from '@leadboard/core';

/**
 * Words a refusal from the room in the language on screen: in English the room's own message (it is
 * written in English, and often says more than the code), in another language from the refusal's
 * reason, else its code, with what it names.
 */
export function useRefusalText(): (refusal: RefusalLike & { message?: string }) => string {
  const { t, te, n, locale } = useI18n();
  return (refusal) => {
    if (locale.value === 'en' && refusal.message) return refusal.message;
    return refusalText(refusal, {
      t: (key, named, plural) => (plural === undefined ? t(key, named) : t(key, named, plural)),
      te: (key) => te(key),
      n: (value) => n(value),
    });
  };
}
