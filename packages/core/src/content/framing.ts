import { LENSES, PHASES, QUADRANTS, type Lens, type Phase, type Quadrant } from '../constants.js';
import { CORE_MESSAGES_EN } from '../i18n/messages.js';

/*
 * The workshop's framing in English, read from the English catalogue: the catalogues hold the words
 * (`content.*`, `balance.*`, `conclusion.*`), these constants keep the shapes existing screens read.
 * Screens that follow the workshop's language translate the same keys.
 */
const content = CORE_MESSAGES_EN.content;

/** The two questions the workshop is built on. */
export const QUESTIONS = {
  manage: { who: content.question.manage.who, question: content.question.manage.text },
  lead: { who: content.question.lead.who, question: content.question.lead.text },
} as const;

/** The source's picture of the two, told in our own words: what each one is for. */
export const ENGINE_AND_COMPASS = content.picture;

export interface LensCard {
  id: Lens;
  title: string;
  manage: string;
  lead: string;
  prompt: string;
}

/** The four distinctions, told in our own words. */
export const LENS_CARDS: readonly LensCard[] = LENSES.map((id) => ({ id, ...content.lens[id] }));

export const LENS_TITLES: Record<Lens, string> = Object.fromEntries(
  LENS_CARDS.map((card) => [card.id, card.title]),
) as Record<Lens, string>;

export const AXES = content.axis;

export const QUADRANT_INFO: Record<Quadrant, { title: string; detail: string }> = Object.fromEntries(
  QUADRANTS.map((q) => [q, content.quadrant[q]]),
) as Record<Quadrant, { title: string; detail: string }>;

export const BALANCE_CHECK = CORE_MESSAGES_EN.balance;

export const CONCLUSION = CORE_MESSAGES_EN.conclusion;

export interface PhaseGuide {
  title: string;
  /** What participants see, in one line. */
  participant: string;
  /** What the facilitator might say and do. */
  hint: string;
  /** What happens next: the same words on the stage and on the phones. */
  next: string;
  minutes: number;
}

/** Minutes each phase takes in a 60-minute session (docs/facilitator-guide.md). */
export const PHASE_MINUTES: Record<Phase, number> = {
  lobby: 5,
  framing: 5,
  scenarios: 8,
  place: 8,
  vote: 6,
  discuss: 15,
  conclude: 5,
  ended: 0,
};

export const PHASE_GUIDE: Record<Phase, PhaseGuide> = Object.fromEntries(
  PHASES.map((phase) => {
    const { name, ...words } = content.phase[phase];
    return [phase, { title: name, ...words, minutes: PHASE_MINUTES[phase] }];
  }),
) as Record<Phase, PhaseGuide>;
