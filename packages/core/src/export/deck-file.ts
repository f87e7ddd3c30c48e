import { z } from 'zod';
import { LIMITS } from '../constants.js';
import { text } from '../schema/common.js';
import { visibleScenarios } from '../rules.js';
import type { RoomView } from '../types.js';

export const DECK_FILE_FORMAT = 'leadboard.deck';

/** A facilitator's own deck: cards to bring into a workshop as shared cards. */
export const DeckFileSchema = z.object({
  format: z.literal(DECK_FILE_FORMAT),
  version: z.literal(1),
  title: text(LIMITS.titleMax).optional(),
  cards: z
    .array(z.strictObject({ text: text(LIMITS.scenarioMax), note: text(LIMITS.scenarioMax, { allowEmpty: true }).optional() }))
    .min(1, 'must hold at least one card')
    .max(LIMITS.customListMax),
});

export type DeckFile = z.output<typeof DeckFileSchema>;

/** A workshop's cards (those not hidden, in their order) as a deck file to use again. */
export function toDeckFile(view: Pick<RoomView, 'meta' | 'scenarios'>): DeckFile {
  return {
    format: DECK_FILE_FORMAT,
    version: 1,
    title: view.meta.title,
    cards: visibleScenarios(view).slice(0, LIMITS.customListMax).map((s) => ({ text: s.text })),
  };
}
