import type { ErrorCode, Phase } from '../constants.js';

/** Refusals worded more precisely than their code: each has a message `refusals.<reason>` in every catalogue. */
export const REFUSAL_REASONS = [
  'ended', 'roomLocked', 'votesRevealed', 'timeUp', 'phase', 'starsSpent', 'commentsMax', 'teamScenariosMax',
  'scenariosTotalMax', 'teamsMax', 'ownTeamOnly', 'placeOwnTeam', 'otherTeamCard', 'teamsAssigned', 'readOnly',
  'teamHasScenarios', 'noTeams', 'timerNotRunning', 'timerRunOut', 'notRemoved',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Refusals whose message has plural forms, and the parameter that picks the form. */
const COUNTED: Partial<Record<ErrorCode | RefusalReason, string>> = { ROOM_FULL: 'max', starsSpent: 'budget', commentsMax: 'max' };

/** What a screen needs to word a refusal: a refusal as sent, or the part of it a client kept. */
export interface RefusalLike {
  code: ErrorCode;
  reason?: string;
  params?: Record<string, string | number>;
}

/** The translation functions a screen has (vue-i18n's `t` and `te`, `n` for numbers). */
export interface RefusalWords {
  /** With `plural`, the form for that count (vue-i18n's `t(key, named, plural)`). */
  t(key: string, named: Record<string, unknown>, plural?: number): string;
  te(key: string): boolean;
  n(value: number): string;
}

/**
 * A refusal in the screen's language: its reason's message when it has one, else its code's, with
 * numbers in the language's digits and a phase by its name in that language.
 */
export function refusalText(error: RefusalLike, words: RefusalWords): string {
  const reasonKey = error.reason ? `refusals.${error.reason}` : null;
  const key = reasonKey && words.te(reasonKey) ? reasonKey : `errors.${error.code}`;
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(error.params ?? {})) {
    named[name] = typeof value === 'number' ? words.n(value) : name === 'phase' ? words.t(`content.phase.${value as Phase}.name`, {}) : value;
  }
  const counted = COUNTED[(reasonKey === key ? error.reason : error.code) as ErrorCode | RefusalReason];
  const count = counted ? error.params?.[counted] : undefined;
  return typeof count === 'number' ? words.t(key, named, count) : words.t(key, named);
}
