import { DEFAULTS, LIMITS } from '../constants.js';
import { deckChoice } from '../content/deck.js';
import { deckText } from '../content/deck-text.js';
import { DEFAULT_LANGUAGE } from '../language.js';
import { emptyCollections } from '../parts.js';
import { activeCount, smallestTeam } from '../rules.js';
import type { Ctx, Participant, RoomState, Settings } from '../types.js';
import type { CommandResult } from './rule.js';
import { newTeam } from './teams.js';
import { fail, Refusal, runAlone, type ApplyResult, type Tx } from './tx.js';

export interface CreateRoomInput {
  code: string;
  title?: string;
  /** A number of teams, or their names. */
  teams?: number | string[];
  /** Built-in deck cards to start with: none, the whole deck (true), the first N, or these ids. */
  deck?: boolean | number | readonly string[];
  /** The facilitator's own shared cards, after the deck's. */
  cards?: readonly string[];
  settings?: Partial<Settings>;
  facilitatorTokenHash: string;
  stageTokenHash: string;
}

export function defaultSettings(): Settings {
  return {
    starBudget: DEFAULTS.starBudget,
    selfSelectTeams: true,
    namedExport: true,
    anonymous: false,
    maxParticipants: LIMITS.participantsMax,
    retentionDays: DEFAULTS.retentionDays,
    language: DEFAULT_LANGUAGE,
  };
}

/** A new workshop in the lobby, with its teams and (optionally) the built-in deck. */
export function createRoom(input: CreateRoomInput, ctx: Ctx): RoomState {
  const state: RoomState = {
    meta: {
      code: input.code,
      title: input.title ?? DEFAULTS.title,
      createdAt: ctx.now,
      phase: 'lobby',
      phaseLog: [{ phase: 'lobby', at: ctx.now }],
      settings: { ...defaultSettings(), ...input.settings },
      revealed: false,
      locked: false,
      spotlight: null,
      timer: { status: 'idle', durationMs: DEFAULTS.timerSeconds * 1000, endsAt: null, remainingMs: DEFAULTS.timerSeconds * 1000 },
    },
    ...emptyCollections(),
  };
  const teamNames = typeof input.teams === 'number' || input.teams === undefined
    ? Array.from({ length: input.teams ?? DEFAULTS.teams }, () => undefined)
    : input.teams;
  for (const name of teamNames.slice(0, LIMITS.teamsMax)) {
    const team = newTeam(state, ctx.newId(), name);
    state.teams[team.id] = team;
  }
  const language = state.meta.settings.language;
  const cards = [
    ...deckChoice(input.deck).map((card) => ({ text: deckText(card.id, language) ?? card.text, source: 'deck' as const, deckId: card.id })),
    ...(input.cards ?? []).map((text) => ({ text, source: 'facilitator' as const, deckId: null })),
  ];
  if (cards.length) {
    const scenarios = state.scenarios;
    cards.slice(0, LIMITS.scenariosTotal).forEach((card, order) => {
      const id = ctx.newId();
      scenarios[id] = {
        id, text: card.text, teamId: null, source: card.source, deckId: card.deckId, hidden: false,
        createdAt: ctx.now, createdBy: 'facilitator', order, number: order + 1,
      };
    });
  }
  state.auth[input.facilitatorTokenHash] = { role: 'facilitator', participantId: null };
  state.auth[input.stageTokenHash] = { role: 'stage', participantId: null };
  return state;
}

/**
 * A new participant joins. Teams are picked by the participant in the lobby and framing when the
 * facilitator allows it; otherwise, or later in the workshop, the smallest team takes them in.
 */
export function joinParticipant(state: RoomState, input: NewParticipant, ctx: Ctx): ApplyResult {
  return runAlone(state, ctx, (tx) => runJoin(tx, input));
}

export interface NewParticipant {
  name: string;
  tokenHash: string;
  /** The hashed id of the browser joining, when it sent one: a browser whose participant was removed stays out. */
  deviceHash?: string;
}

/** Why nobody new can join this workshop now, or null when they can. The join page asks the same question. */
export function joinRefusal(state: RoomState, active = activeCount(state)): Refusal | null {
  if (state.meta.phase === 'ended') return fail('WRONG_PHASE', 'This workshop has ended.', { reason: 'ended' });
  if (state.meta.locked) return fail('LOCKED', 'This workshop is closed to new people. Ask the facilitator if you should be in it.', { reason: 'roomLocked' });
  const max = state.meta.settings.maxParticipants;
  if (active >= max) return fail('ROOM_FULL', `This workshop is full: it takes at most ${max === 1 ? 'one person' : `${max.toLocaleString('en')} people`}. Ask the facilitator.`, { params: { max } });
  return null;
}

/** The participant removed from this workshop who last joined from this browser, if any. */
export function removedFromDevice(state: RoomState, deviceHash: string | undefined): Participant | null {
  if (deviceHash === undefined) return null;
  const entry = state.auth[deviceHash];
  const participant = entry?.role === 'device' && entry.participantId ? state.participants[entry.participantId] : undefined;
  return participant?.status === 'removed' ? participant : null;
}

export const REMOVED_MESSAGE = 'The facilitator removed you from this workshop.';

/** Add a participant inside a transaction: the new participant's id, or the refusal. */
export function runJoin(tx: Tx, input: NewParticipant): Refusal | CommandResult {
  const state = tx.state;
  const ctx = tx.ctx;
  if (removedFromDevice(state, input.deviceHash)) return fail('REMOVED', REMOVED_MESSAGE);
  const closed = joinRefusal(state, tx.activeCount());
  if (closed) return closed;
  if (state.auth[input.tokenHash]) return fail('CONFLICT', 'That token is already in use.');
  const choosing = state.meta.settings.selfSelectTeams && ['lobby', 'framing'].includes(state.meta.phase);
  const participant: Participant = {
    id: ctx.newId(),
    name: input.name,
    teamId: choosing ? null : smallestTeam(state),
    joinedAt: ctx.now,
    status: 'active',
  };
  tx.put('participants', participant.id, participant);
  tx.put('ballots', participant.id, ctx.newId());
  tx.put('auth', input.tokenHash, { role: 'participant', participantId: participant.id });
  if (input.deviceHash !== undefined) tx.put('auth', input.deviceHash, { role: 'device', participantId: participant.id });
  return { participantId: participant.id };
}
