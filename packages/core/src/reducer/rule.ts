import type { Phase } from '../constants.js';
import type { Command, CommandOf, CommandType } from '../commands.js';
import type { DomainError, Participant } from '../types.js';
import type { Tx } from './tx.js';

/** Who may send a command: participants, the facilitator, or both. */
export type Who = 'participant' | 'facilitator' | 'both';

/** Phases in which a command is allowed: a list, every phase but `ended` ('open'), or any ('always'). */
export type PhaseRule = readonly Phase[] | 'open' | 'always';

/** What a handler may hand back to the sender in its acknowledgement. */
export type CommandResult = Record<string, string | number | boolean | null>;

export interface Rule<C extends Command = Command> {
  who: Who;
  phases: PhaseRule;
  /** Where participants are held to other phases than the facilitator. */
  participantPhases?: PhaseRule;
  /** Participant input stops when the timer runs out. */
  lockable?: boolean;
  /** `me` is the acting participant, or null for the facilitator. */
  run: (tx: Tx, command: C, me: Participant | null) => DomainError | CommandResult | void;
}

export type RuleTable = { [T in CommandType]: Rule<CommandOf<T>> };

export function rule<T extends CommandType>(definition: Rule<CommandOf<T>>): Rule<CommandOf<T>> {
  return definition;
}

export function phaseAllowed(rule: PhaseRule, phase: Phase): boolean {
  if (rule === 'always') return true;
  if (rule === 'open') return phase !== 'ended';
  return rule.includes(phase);
}
