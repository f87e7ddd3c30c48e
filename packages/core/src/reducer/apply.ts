import type { Command, CommandType } from '../commands.js';
import { PHASE_GUIDE } from '../content/framing.js';
import { isInputLocked } from '../rules.js';
import type { Ctx, DomainError, Participant, RoomState } from '../types.js';
import { boardRules } from './board.js';
import { concludeRules } from './conclude.js';
import { discussRules } from './discuss.js';
import { facilitationRules } from './facilitation.js';
import { REMOVED_MESSAGE } from './lifecycle.js';
import { phaseAllowed, type CommandResult, type Rule, type RuleTable } from './rule.js';
import { scenarioRules } from './scenarios.js';
import { teamRules } from './teams.js';
import { fail, runAlone, type ApplyResult, type Tx } from './tx.js';
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

/** Who is acting, checked against the state: the acting participant, or null for the facilitator. */
function authorise(state: RoomState, rule: Rule, ctx: Ctx): DomainError | { me: Participant | null } {
  const actor = ctx.actor;
  if (actor.role === 'facilitator') {
    if (rule.who === 'participant') return fail('FORBIDDEN', 'Only participants can do this.');
    return { me: null };
  }
  if (actor.role !== 'participant') return fail('FORBIDDEN', 'This screen is read-only.');
  if (rule.who === 'facilitator') return fail('FORBIDDEN', 'Only the facilitator can do this.');
  const me = state.participants[actor.participantId];
  if (!me) return fail('FORBIDDEN', 'You are not part of this workshop.');
  if (me.status === 'removed') return fail('REMOVED', REMOVED_MESSAGE);
  if (me.status === 'left') return fail('LEFT', 'You left this workshop.');
  if (me.status === 'earlier') return fail('FORBIDDEN', 'This person took part in an earlier session.');
  return { me };
}

/** Check and run one command inside a transaction: its result, or the refusal. */
export function runCommand(tx: Tx, command: Command): DomainError | CommandResult {
  const state = tx.state;
  const ctx = tx.ctx;
  const rule = RULES[command.type as CommandType] as Rule | undefined;
  if (!rule) return fail('INVALID', `Unknown command "${String(command.type)}".`);
  const who = authorise(state, rule, ctx);
  if ('code' in who) return who;
  const { me } = who;
  const phases = me && rule.participantPhases ? rule.participantPhases : rule.phases;
  if (!phaseAllowed(phases, state.meta.phase)) {
    const phase = PHASE_GUIDE[state.meta.phase].title.toLowerCase();
    return fail('WRONG_PHASE', `Not possible in the ${phase} phase.`);
  }
  if (me && rule.lockable && isInputLocked(state.meta, ctx.now)) {
    return fail('LOCKED', 'Time is up: input is locked until the facilitator unlocks it.');
  }
  const outcome = rule.run(tx, command, me);
  if (outcome && 'code' in outcome && 'message' in outcome && typeof outcome.code === 'string') return outcome as DomainError;
  return (outcome as CommandResult | undefined) ?? {};
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
 * balance reads every member). A server must apply them to a copy that holds every commit so far.
 */
export const WIDE_READS: ReadonlySet<CommandType> = new Set<CommandType>([
  'votes.reveal',
  'scenario.hide',
  'scenarios.hide',
  'teams.balance',
  'team.remove',
]);
