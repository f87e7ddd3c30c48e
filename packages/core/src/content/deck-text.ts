import { CORE_MESSAGES } from '../i18n/catalogues.js';
import type { Language } from '../language.js';
import { deckCard } from './deck.js';

/** A built-in card's words in a language, or undefined for an id that is not in the deck. */
export function deckText(id: string, language: Language): string | undefined {
  return deckCard(id) ? CORE_MESSAGES[language].content.deck[id as keyof typeof CORE_MESSAGES.en.content.deck].text : undefined;
}
