import { useI18n } from 'vue-i18n';
import { refusalText, type RefusalLike } from '@leadboard/core';

/** Words a refusal from the room (its reason, else its code, with what it names) in the language on screen. */
export function useRefusalText(): (refusal: RefusalLike) => string {
  const { t, te, n } = useI18n();
  return (refusal) =>
    refusalText(refusal, {
      t: (key, named, plural) => (plural === undefined ? t(key, named) : t(key, named, plural)),
      te: (key) => te(key),
      n: (value) => n(value),
    });
}
