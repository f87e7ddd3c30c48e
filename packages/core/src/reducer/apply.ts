import type { Command, CommandType } from '../commands.js';
import { PHASE_GUIDE } from '../content/framing.js';
import { isInputLocked } from '../rules.js';
import type { Ctx, Participant, RoomState } from '../types.js';
import { boardRules } from './board.js';
import { concludeRules } from './conclude.js';
import { discussRules } from './discuss.js';
import { facilitationRules } from './facilitation.js';
import { REMOVED_MESSAGE } from './lifecycle.js';
import { phaseAllowed, type CommandResult, type Rule, type RuleTable } from './rule.js';
import { scenarioRules } from './scenarios.js';
import { teamRules } from './teams.js';
import { fail, Refusal, runAlone, type ApplyResult, type Tx } from './tx.js';
import { voteRules } from './votes.js';

/** Every command with who may send it, when, and what it does. */
export const RULES: RuleTable = {
  ...teamRules,
  ...scenarioRules,
  ...boardRules,
  ...voteRules,
  ...discussRules,
  ...concludeRules,
  ...facilitationRules,
};

export type { ApplyResult } from './tx.js';

/** The acting participant, checked against the state, or the refusal. */
function actingParticipant(state: RoomState, ctx: Ctx): Participant | Refusal {
  const actor = ctx.actor;
  if (actor.role !== 'participant') return fail('FORBIDDEN', 'This screen is read-only.', { reason: 'readOnly' });
  const me = state.participants[actor.participantId];
  if (!me) return fail('FORBIDDEN', 'You are not part of this workshop.');
  if (me.status === 'removed') return fail('REMOVED', REMOVED_MESSAGE);
  if (me.status === 'left') return fail('LEFT', 'You left this workshop.');
  if (me.status === 'earlier') return fail('FORBIDDEN', 'This person took part in an earlier session.');
  return me;
}

/** Who may act, when: a refusal, or nothing to object to. */
function admit(state: RoomState, rule: Rule, ctx: Ctx, me: Participant | null): Refusal | null {
  const phases = me && rule.participantPhases ? rule.participantPhases : rule.phases;
  if (!phaseAllowed(phases, state.meta.phase)) {
    const phase = PHASE_GUIDE[state.meta.phase].title.toLowerCase();
    return fail('WRONG_PHASE', `Not possible in the ${phase} phase.`, { reason: 'phase', params: { phase: state.meta.phase } });
  }
  if (me && rule.lockable && isInputLocked(state.meta, ctx.now)) {
    return fail('LOCKED', 'Time is up: input is locked until the facilitator unlocks it.', { reason: 'timeUp' });
  }
  return null;
}

/** Check and run one command inside a transaction: its result, or the refusal. */
export function runCommand(tx: Tx, command: Command): Refusal | CommandResult {
  const { state, ctx } = tx;
  const rule = RULES[command.type] as Rule | undefined;
  if (!rule) return fail('INVALID', `Unknown command "${String(command.type)}".`);
  if (ctx.actor.role === 'facilitator') {
    if (rule.who === 'participant') return fail('FORBIDDEN', 'Only participants can do this.');
    const refusal = admit(state, rule, ctx, null);
    if (refusal) return refusal;
    return (rule.who === 'facilitator' ? rule.run(tx, command) : rule.run(tx, command, null)) ?? {};
  }
  if (ctx.actor.role !== 'participant') return fail('FORBIDDEN', 'This screen is read-only.', { reason: 'readOnly' });
  if (rule.who === 'facilitator') return fail('FORBIDDEN', 'Only the facilitator can do this.');
  const me = actingParticipant(state, ctx);
  if (me instanceof Refusal) return me;
  const refusal = admit(state, rule, ctx, me);
  if (refusal) return refusal;
  return rule.run(tx, command, me) ?? {};
}

/**
 * Apply one command to a state. Pure: the input state is never mutated, time and ids come from ctx.
 * Returns the new state and the keys of the parts that changed, or a refusal with a stable code.
 */
export function apply(state: RoomState, command: Command, ctx: Ctx): ApplyResult {
  return runAlone(state, ctx, (tx) => runCommand(tx, command));
}

/**
 * Commands whose effect depends on parts beyond those they write (a reveal sends every vote, a
 * balance reads every member, a change of language re-words the deck cards). A server must apply
 * them to a copy that holds every commit so far.
 */
export const WIDE_READS: ReadonlySet<CommandType> = new Set<CommandType>([
  'settings.update',
  'votes.reveal',
  'scenario.hide',
  'scenarios.hide',
  'teams.balance',
  'team.remove',
]);
