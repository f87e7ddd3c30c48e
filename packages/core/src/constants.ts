/** The phases a workshop moves through, in order. */
export const PHASES = ['lobby', 'framing', 'scenarios', 'place', 'vote', 'discuss', 'conclude', 'ended'] as const;
export type Phase = (typeof PHASES)[number];

/** The four distinctions from the source text, used as lens cards and discussion tags. */
export const LENSES = ['influence', 'empowerment', 'risk', 'transformation'] as const;
export type Lens = (typeof LENSES)[number];

export const QUADRANTS = ['routine', 'manage', 'lead', 'both'] as const;
export type Quadrant = (typeof QUADRANTS)[number];
/** Reading order on every screen and export: the quadrant the workshop is about first. */
export const QUADRANT_ORDER: readonly Quadrant[] = ['both', 'manage', 'lead', 'routine'];

/** Bounds on everything a user can send; the schemas and the screens use the same numbers. */
export const LIMITS = {
  codeLength: 6,
  titleMax: 80,
  nameMax: 40,
  teamNameMax: 30,
  scenarioMax: 200,
  commentMax: 280,
  takeawayMax: 500,
  commitmentMax: 280,
  commandIdMax: 64,
  tokenMax: 128,
  idMax: 40,
  teamsMax: 12,
  scenariosPerTeam: 20,
  scenariosTotal: 200,
  commentsPerParticipantPerScenario: 10,
  participantsMax: 5000,
  starBudgetMax: 10,
  timerMaxSeconds: 60 * 60,
  deckBatchMax: 50,
  customListMax: 50,
} as const;

export const DEFAULTS = {
  title: 'Managing vs leading',
  teams: 2,
  starBudget: 3,
  timerSeconds: 180,
  retentionDays: 7,
} as const;

/** Distinct, colour-blind-friendly team colours (Okabe–Ito palette first). */
export const TEAM_COLORS = [
  '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9',
  '#7A5195', '#8C6D31', '#2F4B7C', '#A05195', '#3B8A3E', '#B03A2E',
] as const;

/** Stable machine codes for every refusal. */
export const ERROR_CODES = [
  'INVALID',
  'NOT_FOUND',
  'DELETED',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'REMOVED',
  'LEFT',
  'WRONG_PHASE',
  'LOCKED',
  'NEEDS_TEAM',
  'LIMIT_REACHED',
  'CONFLICT',
  'ROOM_FULL',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
