import type { Language } from '../language.js';
import { CORE_MESSAGES_EN, type CoreMessages } from './messages.js';

/** A language's core catalogue; English is at hand, the others are fetched (a chunk of their own in the apps). */
export async function loadCoreMessages(language: Language): Promise<CoreMessages> {
  switch (language) {
    case 'en':
      return CORE_MESSAGES_EN;
    case 'de':
      return (await import('./de.js')).default;
  }
}
