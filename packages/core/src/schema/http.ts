import { z } from 'zod';
import { LIMITS } from '../constants.js';
import { text } from './common.js';

/** `POST /api/workshops` body. `teams` is a count or a list of names. */
export const CreateWorkshopSchema = z.strictObject({
  title: text(LIMITS.titleMax).optional(),
  teams: z
    .union([z.int().min(0).max(LIMITS.teamsMax), z.array(text(LIMITS.teamNameMax)).max(LIMITS.teamsMax)])
    .optional(),
  starBudget: z.int().min(0).max(LIMITS.starBudgetMax).optional(),
  deck: z.boolean().optional(),
  selfSelectTeams: z.boolean().optional(),
  namedExport: z.boolean().optional(),
  /** Nobody, the facilitator included, can link a contribution to a person. Fixed at creation. */
  anonymous: z.boolean().optional(),
});

export const ExportQuerySchema = z.object({
  format: z.enum(['json', 'csv', 'md', 'svg', 'png']).default('json'),
});
