import type { ErrorCode, Lens, Phase } from './constants.js';
import type { RefusalReason } from './i18n/refusal.js';
import type { Language } from './language.js';

/** A position on the board: x is the need for management, y the need for leadership, both 0..1. */
export interface Point {
  x: number;
  y: number;
}

export interface Settings {
  /** Discuss stars each participant may spend. */
  starBudget: number;
  /** Participants may pick their own team in the lobby. */
  selfSelectTeams: boolean;
  /** Exports name participants (otherwise P1, P2, …). Has no effect in an anonymous workshop. */
  namedExport: boolean;
  /**
   * Chosen when the workshop is created, never changed: nobody, the facilitator included, can link a
   * comment, lens tag, vote, star or reflection to a person (docs/privacy.md).
   */
  anonymous: boolean;
  maxParticipants: number;
  retentionDays: number;
  /** What the stage, the phones and the exports speak; a phone may choose its own. */
  language: Language;
}

export interface Timer {
  status: 'idle' | 'running' | 'paused';
  durationMs: number;
  /** When a running timer reaches zero (epoch ms). */
  endsAt: number | null;
  /** What was left when paused. */
  remainingMs: number;
}

export interface PhaseStamp {
  phase: Phase;
  at: number;
}

export interface Meta {
  code: string;
  title: string;
  createdAt: number;
  phase: Phase;
  phaseLog: PhaseStamp[];
  settings: Settings;
  revealed: boolean;
  /** No new participants may join; those already in can come back. */
  locked: boolean;
  spotlight: string | null;
  timer: Timer;
}

export interface Team {
  id: string;
  name: string;
  color: string;
  order: number;
}

export interface Participant {
  id: string;
  name: string;
  teamId: string | null;
  joinedAt: number;
  /**
   * `removed` by the facilitator or `left` by their own choice: either way the token stops working.
   * `earlier`: took part in the session a continued workshop was started from; holds no token,
   * cannot act, and counts neither in progress nor in team balancing.
   */
  status: 'active' | 'removed' | 'left' | 'earlier';
}

export type ScenarioSource = 'team' | 'deck' | 'facilitator';

export interface Scenario {
  id: string;
  text: string;
  /** The team that owns the card; null for shared cards (built-in deck or the facilitator's list). */
  teamId: string | null;
  source: ScenarioSource;
  deckId: string | null;
  hidden: boolean;
  createdAt: number;
  /** Participant id, or 'facilitator'. */
  createdBy: string;
  order: number;
  /**
   * The card's number, given once when it is written and never changed: the same on every screen,
   * in every phase and every export. Hidden cards keep theirs, so numbers can have gaps.
   */
  number: number;
}

export interface Placement extends Point {
  scenarioId: string;
  teamId: string;
  /** Where the team had the card when discussion began; set by the first move from the discuss phase on. */
  settled: Point | null;
  /**
   * Participant id, or 'facilitator'; with `at`, when it was last moved. The facilitator and the
   * stage hold both. A phone holds `by` for its own team's board while teams place blind; once
   * every team's board is shared it is told where the cards are, not who moved them (view.ts).
   */
  by?: string;
  at?: number;
}

/**
 * One participant's dots, by scenario id. Votes, stars, lens tags, reflections and comments belong
 * to a ballot, a random id of their own, never to the participant id: see `RoomState.ballots`.
 */
export type VoteSheet = Record<string, Point>;
/** One participant's lens tags, by scenario id. */
export type LensSheet = Record<string, Lens[]>;

export interface Comment {
  id: string;
  scenarioId: string;
  /** The author's ballot id. */
  author: string;
  text: string;
  at: number;
  hidden: boolean;
}

export interface Takeaway {
  scenarioId: string;
  text: string;
  at: number;
}

export interface Reflection {
  /** 0 = deep in the weeds of management, 1 = only vision; null until set. */
  balance: number | null;
  commitment: string;
  at: number;
  hidden: boolean;
}

export type AuthRole = 'facilitator' | 'stage' | 'participant' | 'device';

/**
 * Who holds a token; or, for `device`, which participant last joined from a browser (so a browser
 * whose participant was removed cannot join again under a new name).
 */
export interface AuthEntry {
  role: AuthRole;
  participantId: string | null;
}

/** The whole workshop. Every collection maps to its own store fields (see parts.ts). */
export interface RoomState {
  meta: Meta;
  teams: Record<string, Team>;
  participants: Record<string, Participant>;
  /**
   * Participant id → ballot id. What a person contributes on their own (votes, stars, lens tags,
   * comments, reflection) is keyed by their ballot; this map is the only link back to them, and
   * only the person and, in a named workshop, the facilitator ever receive it.
   */
  ballots: Record<string, string>;
  scenarios: Record<string, Scenario>;
  /** Keyed by `${scenarioId}.${teamId}`. */
  placements: Record<string, Placement>;
  /** By ballot id. */
  votes: Record<string, VoteSheet>;
  /** By ballot id. */
  stars: Record<string, string[]>;
  comments: Record<string, Comment>;
  /** By ballot id. */
  lenses: Record<string, LensSheet>;
  takeaways: Record<string, Takeaway>;
  /** By ballot id. */
  reflections: Record<string, Reflection>;
  /** Hashed tokens → who holds them. Never leaves the server. */
  auth: Record<string, AuthEntry>;
}

/**
 * What the room's phones are told of the votes and stars on one card once they are revealed: a
 * summary of fixed size, whatever the size of the room (crowd.ts). Derived from the votes, never
 * stored; the facilitator holds the votes themselves.
 */
export interface Crowd {
  /** Revealed votes on the card. */
  votes: number;
  /** Their mean (core's `mean`), or null without votes. */
  centre: Point | null;
  /** Their spread (core's `spread`). */
  spread: number;
  /**
   * Where the votes lie, as [cell, count, cell, count, …] over a CROWD_GRID × CROWD_GRID grid of
   * the board: cell = row × CROWD_GRID + column, row 0 at y = 0. Empty cells are left out.
   */
  cells: number[];
  /** Discuss stars on the card. */
  stars: number;
}

/**
 * What a client holds: the role-filtered state, without secrets, and for the room's phones and
 * the stage the crowd on each card once votes are revealed (by scenario id; empty otherwise).
 */
export type RoomView = Omit<RoomState, 'auth'> & { crowds: Record<string, Crowd> };

export type Actor =
  | { role: 'facilitator' }
  | { role: 'participant'; participantId: string }
  | { role: 'stage' }
  | { role: 'system' };

export interface DomainError {
  code: ErrorCode;
  /** In English, for logs and tools; screens word the refusal from `reason` or `code` (i18n/refusal.ts). */
  message: string;
  /** Which refusal of its code this is, when the code alone would say too little. */
  reason?: RefusalReason;
  /** What the message names: a cap, a phase, a budget. */
  params?: Record<string, string | number>;
}

/** Time and fresh ids come in from outside, so the reducer stays pure and deterministic. */
export interface Ctx {
  now: number;
  actor: Actor;
  newId: () => string;
}
