import { z } from 'zod';
import { LIMITS } from '../constants.js';
import { DECK, deckCard } from '../content/deck.js';
import { Id, LanguageName, text } from './common.js';

/** `POST /api/workshops` body. `teams` is a count or a list of names. */
export const CreateWorkshopSchema = z.strictObject({
  title: text(LIMITS.titleMax).optional(),
  teams: z
    .union([z.int().min(0).max(LIMITS.teamsMax), z.array(text(LIMITS.teamNameMax)).max(LIMITS.teamsMax)])
    .optional(),
  starBudget: z.int().min(0).max(LIMITS.starBudgetMax).optional(),
  /** Built-in deck cards: none (false), the whole deck (true), the first N of its dealing order, or the cards named. */
  deck: z
    .union([
      z.boolean(),
      z.int().min(0).max(DECK.length),
      z.array(Id.refine((id) => deckCard(id) !== undefined, 'must be a deck card id')).max(DECK.length),
    ])
    .optional(),
  selfSelectTeams: z.boolean().optional(),
  namedExport: z.boolean().optional(),
  /** Nobody, the facilitator included, can link a contribution to a person. Fixed at creation. */
  anonymous: z.boolean().optional(),
  /** The facilitator's own shared cards (a deck file's), added after any built-in deck cards. */
  cards: z.array(text(LIMITS.scenarioMax)).max(LIMITS.customListMax).optional(),
  /** What the stage, the phones, the deck cards and the exports speak; English when left out. */
  language: LanguageName.optional(),
});

export const ExportQuerySchema = z.object({
  format: z.enum(['json', 'csv', 'md', 'svg', 'png', 'deck']).default('json'),
});

/** `POST /api/workshops/import?mode=…`. */
export const ImportQuerySchema = z.object({ mode: z.enum(['continue', 'template']).default('continue') });
