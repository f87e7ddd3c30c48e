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
  /** A fixed number of decimals in the language's digits (0.59 or 0,59), never "-0". */
  decimal(value: number, digits: number): string;
  /** A day as the exports print it, in UTC so that every server prints the same. */
  date(epochMs: number): string;
  /** A day and a minute as the exports print them, in UTC. */
  minute(epochMs: number): string;
}

/** English exports keep ISO dates (`2025-03-14`, `2025-03-14 09:30 UTC`): unambiguous wherever the reader is. */
function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function isoMinute(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
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
  const day = new Intl.DateTimeFormat(language, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = new Intl.DateTimeFormat(language, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return {
    language,
    t: (key, named = {}) => String(translate(ctx, key, named)),
    plural: (key, count, named = {}) => String(translate(ctx, key, count, { named: { n: numbers.format(count), ...named } })),
    n: (value, options) => (options ? new Intl.NumberFormat(language, options) : numbers).format(value),
    decimal: (value, digits) => {
      const text = new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(value);
      return /^-0[.,]?0*$/.test(text) ? text.slice(1) : text;
    },
    date: (epochMs) => (language === 'en' ? isoDate(epochMs) : day.format(epochMs)),
    minute: (epochMs) => (language === 'en' ? isoMinute(epochMs) : `${day.format(epochMs)} ${time.format(epochMs)} UTC`),
  };
}
