/** A built-in scenario: realistic, short, and open to more than one reading. */
export interface DeckCard {
  id: string;
  text: string;
  /** For the facilitator: what tends to make this one interesting to discuss. */
  note: string;
}

export const DECK: readonly DeckCard[] = [
  {
    id: 'budget-overrun',
    text: 'Halfway through the year the project is 30% over budget, and finance wants a recovery plan by Friday.',
    note: 'Looks like pure numbers work, until someone asks whether the project should still exist.',
  },
  {
    id: 'bored-top-performer',
    text: 'Our strongest engineer has started doing the minimum. In her one-to-one she says the work no longer stretches her.',
    note: 'No process fixes boredom; yet a development plan and a new assignment still need organising.',
  },
  {
    id: 'competitor-launch',
    text: 'A competitor has just launched a product that makes our flagship feature look dated.',
    note: 'The pull is to react fast; the harder question is where we want to go instead.',
  },
  {
    id: 'ten-new-hires',
    text: 'Ten new hires start on Monday. No onboarding plan, no laptops ordered, no buddies assigned.',
    note: 'Logistics first, but the first week also decides whether they feel they joined something.',
  },
  {
    id: 'failed-audit',
    text: 'The external audit found gaps in how we approve and record expenses. We have 60 days to close them.',
    note: 'Controls and deadlines; and a chance to ask why people worked around the rules.',
  },
  {
    id: 'morale-after-reorg',
    text: 'Since the reorganisation people keep asking why it happened, and two good colleagues have resigned.',
    note: 'A question of meaning and trust more than of structure charts.',
  },
  {
    id: 'missed-sprint-goals',
    text: 'The team has missed its last three sprint goals; estimates and delivery keep drifting further apart.',
    note: 'Planning discipline, or a team that has stopped believing in the goals?',
  },
  {
    id: 'strategy-disconnect',
    text: 'A new company strategy was announced. Nobody on the team can say how their daily work connects to it.',
    note: 'Translating direction into work people care about is the leader question.',
  },
  {
    id: 'open-conflict',
    text: 'Two senior colleagues argue openly in meetings about the product direction, and others are taking sides.',
    note: 'Who decides, how, and what the team owes each other while it is unresolved.',
  },
  {
    id: 'portal-outage',
    text: 'An outage takes the customer portal down for four hours in the busiest week of the quarter.',
    note: 'In the moment: command and control. Afterwards: learning without blame.',
  },
  {
    id: 'hybrid-split',
    text: 'Half the team now works remotely, and the office half feels decisions are made without them.',
    note: 'Meeting rules help; a shared sense of one team is the harder part.',
  },
  {
    id: 'tool-migration',
    text: 'Every team must move from the old ticketing tool to the new one by the end of the quarter.',
    note: 'Mostly a plan to execute, unless people do not see why the change is worth it.',
  },
  {
    id: 'key-customer-unhappy',
    text: 'Our largest customer is unhappy and hints they will not renew unless something changes.',
    note: 'An account plan, and a question about what kind of partner we want to be.',
  },
  {
    id: 'pointless-report',
    text: 'A junior colleague proposes scrapping a weekly report nobody reads and trying something new instead.',
    note: 'Small on paper; how it is received tells people whether ideas are welcome.',
  },
];

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
