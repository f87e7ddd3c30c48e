import { z } from 'zod';
import { LIMITS, PHASES } from '../constants.js';
import { DEFAULT_LANGUAGE } from '../language.js';
import { Coordinate, Id, LanguageName, LensName, PhaseName, text } from './common.js';

const Point = z.strictObject({ x: Coordinate, y: Coordinate });
const Time = z.number().int().min(0);

const Settings = z.strictObject({
  starBudget: z.int().min(0).max(LIMITS.starBudgetMax),
  selfSelectTeams: z.boolean(),
  namedExport: z.boolean(),
  anonymous: z.boolean().default(false),
  maxParticipants: z.int().min(1).max(LIMITS.participantsMax),
  retentionDays: z.int().min(1).max(365),
  /** Missing in files written before workshops had a language: those ran in English. */
  language: LanguageName.default(DEFAULT_LANGUAGE),
});

const Workshop = z.object({
  title: text(LIMITS.titleMax),
  createdAt: Time,
  phase: PhaseName,
  phaseLog: z.array(z.strictObject({ phase: z.enum(PHASES), at: Time })).max(500),
  settings: Settings,
  revealed: z.boolean(),
  locked: z.boolean().default(false),
  spotlight: Id.nullable(),
});

const Teams = z
  .array(z.strictObject({ id: Id, name: text(LIMITS.teamNameMax), color: z.string().regex(/^#[0-9A-Fa-f]{6}$/), order: z.int().min(0).max(1000) }))
  .max(LIMITS.teamsMax);

const Person = {
  id: Id,
  name: text(LIMITS.nameMax).nullable(),
  teamId: Id.nullable(),
  joinedAt: Time,
  status: z.enum(['active', 'removed', 'left', 'earlier']),
};

const Scenarios = z
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
      /** Missing in files written before cards kept their numbers: numbered in order on import. */
      number: z.int().min(1).max(100000).optional(),
    }),
  )
  .max(LIMITS.scenariosTotal);

const Placements = z
  .array(z.strictObject({ scenarioId: Id, teamId: Id, x: Coordinate, y: Coordinate, settled: Point.nullable(), by: Id, at: Time }))
  .max(LIMITS.scenariosTotal * LIMITS.teamsMax);

const Takeaways = z
  .array(z.strictObject({ scenarioId: Id, text: text(LIMITS.takeawayMax, { multiline: true }), at: Time }))
  .max(LIMITS.scenariosTotal);

const Reflection = {
  balance: Coordinate.nullable(),
  commitment: text(LIMITS.commitmentMax, { multiline: true, allowEmpty: true }),
  at: Time,
  hidden: z.boolean(),
};

const CommentText = text(LIMITS.commentMax, { multiline: true });

/** Contributions keyed by `owner`: `ballot` in version 2, `participantId` in version 1. */
function contributions<K extends string>(owner: K) {
  const key = { [owner]: Id } as Record<K, typeof Id>;
  return {
    votes: z.array(z.strictObject({ ...key, scenarioId: Id, x: Coordinate, y: Coordinate })).max(200000),
    stars: z.array(z.strictObject({ ...key, scenarioId: Id })).max(30000),
    lensTags: z.array(z.strictObject({ ...key, scenarioId: Id, lens: LensName })).max(200000),
    reflections: z.array(z.strictObject({ ...key, ...Reflection })).max(LIMITS.participantsMax),
  };
}

/** The current format: contributions belong to ballots; a participant names their ballot only in a named workshop. */
const Version2 = z.object({
  format: z.literal('leadboard.workshop'),
  version: z.literal(2),
  workshop: Workshop,
  teams: Teams,
  participants: z.array(z.strictObject({ ...Person, ballot: Id.optional() })).max(LIMITS.participantsMax),
  scenarios: Scenarios,
  placements: Placements,
  comments: z.array(z.strictObject({ id: Id, scenarioId: Id, author: Id, text: CommentText, at: Time, hidden: z.boolean() })).max(50000),
  takeaways: Takeaways,
  ...contributions('ballot'),
});

/** The first format: contributions were keyed by participant id. */
const Version1 = z.object({
  format: z.literal('leadboard.workshop'),
  version: z.literal(1),
  workshop: Workshop,
  teams: Teams,
  participants: z.array(z.strictObject(Person)).max(LIMITS.participantsMax),
  scenarios: Scenarios,
  placements: Placements,
  comments: z.array(z.strictObject({ id: Id, scenarioId: Id, participantId: Id, text: CommentText, at: Time, hidden: z.boolean() })).max(50000),
  takeaways: Takeaways,
  ...contributions('participantId'),
});

/** A JSON export offered for import: checked field by field, bounded like live input. */
export const WorkshopImportSchema = z.discriminatedUnion('version', [Version2, Version1]);
