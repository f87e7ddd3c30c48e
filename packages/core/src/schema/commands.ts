import { z } from 'zod';
import { LIMITS } from '../constants.js';
import { BoardCoordinate, CommandId, Id, LanguageName, LensName, PhaseName, text } from './common.js';

function command<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject({ id: CommandId, type: z.literal(type), ...shape });
}

const participantCommands = [
  command('team.choose', { teamId: Id }),
  command('scenario.add', { text: text(LIMITS.scenarioMax), teamId: Id.nullable().optional() }),
  command('scenario.edit', { scenarioId: Id, text: text(LIMITS.scenarioMax) }),
  command('placement.set', { scenarioId: Id, x: BoardCoordinate, y: BoardCoordinate, teamId: Id.optional() }),
  command('vote.set', { scenarioId: Id, x: BoardCoordinate, y: BoardCoordinate }),
  command('vote.clear', { scenarioId: Id }),
  command('star.toggle', { scenarioId: Id }),
  command('comment.add', { scenarioId: Id, text: text(LIMITS.commentMax, { multiline: true }) }),
  command('lens.tag', { scenarioId: Id, lens: LensName, on: z.boolean() }),
  command('reflection.set', {
    balance: BoardCoordinate.nullable().optional(),
    commitment: text(LIMITS.commitmentMax, { multiline: true, allowEmpty: true }).optional(),
  }),
  command('participant.leave', {}),
] as const;

const facilitatorCommands = [
  command('phase.set', { phase: PhaseName }),
  command('settings.update', {
    title: text(LIMITS.titleMax).optional(),
    starBudget: z.int().min(0).max(LIMITS.starBudgetMax).optional(),
    selfSelectTeams: z.boolean().optional(),
    namedExport: z.boolean().optional(),
    language: LanguageName.optional(),
  }),
  command('team.create', { name: text(LIMITS.teamNameMax).optional() }),
  command('team.rename', { teamId: Id, name: text(LIMITS.teamNameMax) }),
  command('team.remove', { teamId: Id }),
  command('team.assign', { participantId: Id, teamId: Id.nullable() }),
  command('teams.balance', {}),
  command('deck.add', { deckIds: z.array(Id).min(1).max(LIMITS.deckBatchMax).optional() }),
  command('scenarios.import', { texts: z.array(text(LIMITS.scenarioMax)).min(1).max(LIMITS.customListMax) }),
  command('scenario.hide', { scenarioId: Id, hidden: z.boolean() }),
  command('scenarios.hide', { scenarioIds: z.array(Id).min(1).max(LIMITS.scenariosTotal), hidden: z.boolean() }),
  command('comment.hide', { commentId: Id, hidden: z.boolean() }),
  command('reflection.hide', { ballot: Id, hidden: z.boolean() }),
  command('participant.rename', { participantId: Id, name: text(LIMITS.nameMax) }),
  command('participant.remove', { participantId: Id }),
  command('participant.restore', { participantId: Id }),
  command('room.lock', { locked: z.boolean() }),
  command('votes.reveal', { revealed: z.boolean() }),
  command('spotlight.set', { scenarioId: Id.nullable() }),
  command('timer.start', { seconds: z.int().min(5).max(LIMITS.timerMaxSeconds).optional() }),
  command('timer.pause', {}),
  command('timer.add', { seconds: z.int().min(-LIMITS.timerMaxSeconds).max(LIMITS.timerMaxSeconds) }),
  command('timer.reset', {}),
  command('input.unlock', {}),
  command('takeaway.set', { scenarioId: Id, text: text(LIMITS.takeawayMax, { multiline: true, allowEmpty: true }) }),
] as const;

/** Every action a client can take: one event, one schema, discriminated by `type`. */
export const CommandSchema = z.discriminatedUnion('type', [...participantCommands, ...facilitatorCommands]);
