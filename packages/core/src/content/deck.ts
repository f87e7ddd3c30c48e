import { CORE_MESSAGES_EN } from '../i18n/messages.js';

/** A built-in scenario: realistic, short, and open to more than one reading. */
export interface DeckCard {
  id: string;
  text: string;
  /** For the facilitator: what tends to make this one interesting to discuss. */
  note: string;
}

/** The built-in deck's cards in the order written; their words live in the catalogues (`content.deck.<id>`). */
export const DECK_IDS = [
  'budget-overrun',
  'bored-top-performer',
  'competitor-launch',
  'ten-new-hires',
  'failed-audit',
  'morale-after-reorg',
  'missed-sprint-goals',
  'strategy-disconnect',
  'open-conflict',
  'portal-outage',
  'hybrid-split',
  'tool-migration',
  'key-customer-unhappy',
  'pointless-report',
] as const;
export type DeckId = (typeof DECK_IDS)[number];

/** The deck in English, for tests and tools; the workshop's own language is `deckText`'s business. */
export const DECK: readonly DeckCard[] = DECK_IDS.map((id) => ({ id, ...CORE_MESSAGES_EN.content.deck[id] }));

const BY_ID = new Map(DECK.map((card) => [card.id, card]));

export function deckCard(id: string): DeckCard | undefined {
  return BY_ID.get(id);
}

/**
 * Deck cards to start with when only a few are wanted: they pull towards different corners of the
 * board (a plan, a person, a change of course, all three), so even three make a discussion.
 */
const STARTERS = ['competitor-launch', 'ten-new-hires', 'bored-top-performer', 'failed-audit', 'morale-after-reorg', 'pointless-report'];

/** The deck in the order to deal it: the starters first, then the rest as written. */
export const DECK_ORDER: readonly DeckCard[] = [
  ...STARTERS.map((id) => BY_ID.get(id)!),
  ...DECK.filter((card) => !STARTERS.includes(card.id)),
];

/**
 * How many deck cards a 60-minute session has room for: with three or four cards from each team,
 * three shared cards keep the placing round under ten minutes (docs/facilitator-guide.md).
 */
export const DECK_SUGGESTED = 3;

/** The deck cards a choice stands for: none, the whole deck (true), the first N of the dealing order, or named cards. */
export function deckChoice(choice: boolean | number | readonly string[] | undefined): DeckCard[] {
  if (choice === undefined || choice === false) return [];
  if (choice === true) return [...DECK_ORDER];
  if (typeof choice === 'number') return DECK_ORDER.slice(0, Math.max(0, choice));
  const wanted = new Set(choice);
  return DECK_ORDER.filter((card) => wanted.has(card.id));
}
