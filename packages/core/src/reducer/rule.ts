import type { Phase } from '../constants.js';
import type { Command, CommandOf, CommandType } from '../commands.js';
import type { Participant } from '../types.js';
import type { Refusal, Tx } from './tx.js';

/** Phases in which a command is allowed: a list, every phase but `ended` ('open'), or any ('always'). */
export type PhaseRule = readonly Phase[] | 'open' | 'always';

/** What a handler may hand back to the sender in its acknowledgement. */
export type CommandResult = Record<string, string | number | boolean | null>;

/** What a handler answers: a refusal, a result for the sender's acknowledgement, or nothing. */
export type RuleOutcome = Refusal | CommandResult | void;

interface RuleBase {
  phases: PhaseRule;
  /** Where participants are held to other phases than the facilitator. */
  participantPhases?: PhaseRule;
  /** Participant input stops when the timer runs out. */
  lockable?: boolean;
}

/** A command only participants send: the handler gets the acting participant. */
export interface ParticipantRule<C extends Command = Command> extends RuleBase {
  who: 'participant';
  run: (tx: Tx, command: C, me: Participant) => RuleOutcome;
}

/** A command only the facilitator sends. */
export interface FacilitatorRule<C extends Command = Command> extends RuleBase {
  who: 'facilitator';
  run: (tx: Tx, command: C) => RuleOutcome;
}

/** A command both send: `me` is the acting participant, or null for the facilitator. */
export interface SharedRule<C extends Command = Command> extends RuleBase {
  who: 'both';
  run: (tx: Tx, command: C, me: Participant | null) => RuleOutcome;
}

export type Rule<C extends Command = Command> = ParticipantRule<C> | FacilitatorRule<C> | SharedRule<C>;

export type RuleTable = { [T in CommandType]: Rule<CommandOf<T>> };

export function rule<T extends CommandType>(definition: Rule<CommandOf<T>>): Rule<CommandOf<T>> {
  return definition;
}

export function phaseAllowed(rule: PhaseRule, phase: Phase): boolean {
  if (rule === 'always') return true;
  if (rule === 'open') return phase !== 'ended';
  return rule.includes(phase);
}
