import { z } from 'zod';
import { LIMITS, PHASES } from '../constants.js';
import { Coordinate, Id, LensName, PhaseName, text } from './common.js';

const Point = z.strictObject({ x: Coordinate, y: Coordinate });
const Time = z.number().int().min(0);

/** A JSON export offered for import: checked field by field, bounded like live input. */
export const WorkshopImportSchema = z.object({
  format: z.literal('leadboard.workshop'),
  version: z.literal(1),
  workshop: z.object({
    title: text(LIMITS.titleMax),
    createdAt: Time,
    phase: PhaseName,
    phaseLog: z.array(z.strictObject({ phase: z.enum(PHASES), at: Time })).max(500),
    settings: z.strictObject({
      starBudget: z.int().min(0).max(LIMITS.starBudgetMax),
      selfSelectTeams: z.boolean(),
      namedExport: z.boolean(),
      maxParticipants: z.int().min(1).max(LIMITS.participantsMax),
      retentionDays: z.int().min(1).max(365),
    }),
    revealed: z.boolean(),
    spotlight: Id.nullable(),
  }),
  teams: z
    .array(z.strictObject({ id: Id, name: text(LIMITS.teamNameMax), color: z.string().regex(/^#[0-9A-Fa-f]{6}$/), order: z.int().min(0).max(1000) }))
    .max(LIMITS.teamsMax),
  participants: z
    .array(
      z.strictObject({
        id: Id,
        name: text(LIMITS.nameMax).nullable(),
        teamId: Id.nullable(),
        joinedAt: Time,
        status: z.enum(['active', 'removed', 'left']),
      }),
    )
    .max(LIMITS.participantsMax),
  scenarios: z
    .array(
      z.strictObject({
        id: Id,
        text: text(LIMITS.scenarioMax),
        teamId: Id.nullable(),
        source: z.enum(['team', 'deck', 'facilitator']),
        deckId: Id.nullable(),
        hidden: z.boolean(),
        createdAt: Time,
        createdBy: Id,
        order: z.int().min(0).max(100000),
      }),
    )
    .max(LIMITS.scenariosTotal),
  placements: z
    .array(
      z.strictObject({ scenarioId: Id, teamId: Id, x: Coordinate, y: Coordinate, settled: Point.nullable(), by: Id, at: Time }),
    )
    .max(LIMITS.scenariosTotal * LIMITS.teamsMax),
  votes: z.array(z.strictObject({ participantId: Id, scenarioId: Id, x: Coordinate, y: Coordinate })).max(200000),
  stars: z.array(z.strictObject({ participantId: Id, scenarioId: Id })).max(30000),
  comments: z
    .array(
      z.strictObject({ id: Id, scenarioId: Id, participantId: Id, text: text(LIMITS.commentMax, { multiline: true }), at: Time, hidden: z.boolean() }),
    )
    .max(50000),
  lensTags: z.array(z.strictObject({ participantId: Id, scenarioId: Id, lens: LensName })).max(200000),
  takeaways: z
    .array(z.strictObject({ scenarioId: Id, text: text(LIMITS.takeawayMax, { multiline: true }), at: Time }))
    .max(LIMITS.scenariosTotal),
  reflections: z
    .array(
      z.strictObject({
        participantId: Id,
        balance: Coordinate.nullable(),
        commitment: text(LIMITS.commitmentMax, { multiline: true, allowEmpty: true }),
        at: Time,
        hidden: z.boolean(),
      }),
    )
    .max(LIMITS.participantsMax),
});
