import {
  compile, createCoreContext, fallbackWithLocaleChain, registerLocaleFallbacker, registerMessageCompiler,
  registerMessageResolver, resolveValue, translate, type CoreContext,
} from '@intlify/core-base';
import { DEFAULT_LANGUAGE, type Language } from '../language.js';
import { CORE_MESSAGES } from './catalogues.js';
import type { MessageKey } from './messages.js';

type Named = Record<string, string | number>;

/** Core's words in one language: what the exports and the reducer write with. */
export interface Translator {
  readonly language: Language;
  /** A message with its `{placeholders}` filled. */
  t(key: MessageKey, named?: Named): string;
  /** A message with plural forms (`one | many`), the form chosen by `count`; `{n}` is the count in the language's digits. */
  plural(key: MessageKey, count: number, named?: Named): string;
  /** A number written the language's way (1,234.5 or 1.234,5). */
  n(value: number, options?: Intl.NumberFormatOptions): string;
  /** A moment written the language's way, in UTC so that every server words it alike. */
  d(epochMs: number, options: Intl.DateTimeFormatOptions): string;
}

const contexts = new Map<Language, CoreContext>();

function context(language: Language): CoreContext {
  let found = contexts.get(language);
  if (!found) {
    // vue-i18n registers the same three in the apps; core registers them for itself where it runs alone (the server).
    registerMessageCompiler(compile);
    registerMessageResolver(resolveValue);
    registerLocaleFallbacker(fallbackWithLocaleChain);
    found = createCoreContext({
      locale: language,
      fallbackLocale: DEFAULT_LANGUAGE,
      messages: CORE_MESSAGES,
      missingWarn: false,
      fallbackWarn: false,
    });
    contexts.set(language, found);
  }
  return found;
}

/** A translator for one language, over core's catalogues. */
export function translator(language: Language): Translator {
  const ctx = context(language);
  const numbers = new Intl.NumberFormat(language);
  return {
    language,
    t: (key, named = {}) => String(translate(ctx, key, named)),
    plural: (key, count, named = {}) => String(translate(ctx, key, count, { named: { n: numbers.format(count), ...named } })),
    n: (value, options) => (options ? new Intl.NumberFormat(language, options) : numbers).format(value),
    d: (epochMs, options) => new Intl.DateTimeFormat(language, { timeZone: 'UTC', ...options }).format(epochMs),
  };
}
