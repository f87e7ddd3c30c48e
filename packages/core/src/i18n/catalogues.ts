import type { Language } from '../language.js';
import de from './de.js';
import { CORE_MESSAGES_EN, type CoreMessages } from './messages.js';

/**
 * Every language's core catalogue, for code that must word things in any language on the spot: the
 * reducer (deck cards) and the exports. The apps do not import this: they load a catalogue when a
 * language is wanted (`loadCoreMessages`).
 */
export const CORE_MESSAGES: Record<Language, CoreMessages> = { en: CORE_MESSAGES_EN, de };
