import { crowdsOf } from './crowd.js';
import { COLLECTIONS, parsePartKey, partKey, readParsedPart, type PartKey } from './parts.js';
import { facilitatorSeesAuthors, isWithdrawn } from './privacy.js';
import type { Placement, RoomState, RoomView } from './types.js';

/**
 * Who a view or a change is for. `team` is what the phones of a team's members see (`public`: the
 * phones of people in no team); a `participant` sees that and their own parts. The stage (the
 * projector, and the facilitator's preview of a phone) sees what the room sees and, to greet people
 * as they arrive, who is in it.
 */
export type Audience =
  | { kind: 'facilitator' }
  | { kind: 'stage' }
  | { kind: 'public' }
  | { kind: 'team'; teamId: string }
  | { kind: 'participant'; participantId: string };

/**
 * Teams place blind: until the discussion, a phone sees its own team's placements and no other
 * team's (so teams judge for themselves, and a room of thousands dragging cards does not send
 * every drag to every phone). From the discussion on, everyone sees every team's board.
 */
export function placementsShared(state: Pick<RoomState, 'meta'>): boolean {
  return state.meta.phase === 'discuss' || state.meta.phase === 'conclude' || state.meta.phase === 'ended';
}

/** The team whose phones an audience is among, if any. */
function teamOf(state: RoomState, audience: Audience): string | null {
  if (audience.kind === 'team') return audience.teamId;
  if (audience.kind === 'participant') return state.participants[audience.participantId]?.teamId ?? null;
  return null;
}

// A state is never changed in place: each placement is trimmed once, however many views ask.
const trimmed = [new WeakMap<Placement, Placement>(), new WeakMap<Placement, Placement>()];

/**
 * A placement as a phone sees it: the card, the team, where, where it settled, and, on the team's
 * own board while teams place blind, who moved it ("a teammate" or "you"). Never when.
 */
function forPhones(placement: Placement, withMover: boolean): Placement {
  const cache = trimmed[Number(withMover)]!;
  let out = cache.get(placement);
  if (!out) {
    const { scenarioId, teamId, x, y, settled, by } = placement;
    cache.set(placement, (out = withMover ? { scenarioId, teamId, x, y, settled, by } : { scenarioId, teamId, x, y, settled }));
  }
  return out;
}

/** One changed part: its key and the new value, or null when the part is gone for this audience. */
export type Change = [key: PartKey, value: unknown];

function scenarioVisible(state: RoomState, scenarioId: string): boolean {
  const scenario = state.scenarios[scenarioId];
  return scenario !== undefined && !scenario.hidden;
}

/** Whether a ballot is the participant's own (`self`: a participant's id, or null for any other audience). */
function ownBallot(state: RoomState, self: string | null, ballot: string): boolean {
  return self !== null && state.ballots[self] === ballot;
}

/**
 * What an audience may see of one part: the value, null (it is hidden from them, so a client that
 * has it must drop it), or undefined (it was never theirs to know about). docs/privacy.md is this
 * function in words; every view, delta, snapshot and export goes through it.
 */
export function visiblePart(state: RoomState, key: PartKey, audience: Audience): unknown {
  const parsed = parsePartKey(key);
  if (!parsed) return undefined;
  if (parsed.collection === 'crowds') {
    // Derived from the votes (crowd.ts) for everyone but the facilitator, who holds the votes.
    if (audience.kind === 'facilitator') return undefined;
    return crowdsOf(state).get(parsed.id) ?? null;
  }
  // Parsed once, and no closure: this runs for every part of every change, for every audience.
  const value = readParsedPart(state, parsed);
  if (parsed.collection === 'auth') return undefined;
  if (value === undefined) return null;
  const facilitator = audience.kind === 'facilitator';
  const self = audience.kind === 'participant' ? audience.participantId : null;
  const revealed = state.meta.revealed;
  switch (parsed.collection) {
    case 'meta':
    case 'teams':
      return value;
    case 'participants':
      // A phone knows itself, and the room's counts from progress: never the list of everyone,
      // which would cost every phone a message for every person who joins.
      if (facilitator || self === parsed.id) return value;
      if (audience.kind !== 'stage') return undefined;
      return state.participants[parsed.id]!.status === 'active' ? value : null;
    case 'ballots':
      return (facilitator && facilitatorSeesAuthors(state)) || self === parsed.id ? value : undefined;
    case 'scenarios':
      return facilitator || !state.scenarios[parsed.id]!.hidden ? value : null;
    case 'placements': {
      const placement = state.placements[parsed.id]!;
      if (facilitator) return value;
      if (!scenarioVisible(state, placement.scenarioId)) return null;
      if (audience.kind === 'stage') return value;
      // Every team's board to every phone: where the cards are, not who moved them or when.
      if (placementsShared(state)) return forPhones(placement, false);
      // A team's own board, while teams place blind: who of them moved a card, not when.
      return teamOf(state, audience) === placement.teamId ? forPhones(placement, true) : undefined;
    }
    case 'takeaways':
      return facilitator || scenarioVisible(state, parsed.id) ? value : null;
    case 'comments': {
      const comment = state.comments[parsed.id]!;
      if (isWithdrawn(state, comment.author)) return undefined;
      return facilitator || (!comment.hidden && scenarioVisible(state, comment.scenarioId)) ? value : null;
    }
    case 'lenses':
      return isWithdrawn(state, parsed.id) ? undefined : value;
    case 'votes':
    case 'stars':
      // Hidden until the reveal, from everyone but the voter: the facilitator only sees counts.
      // Revealed, they go to the facilitator and the stage; the phones are told each card's crowd.
      if (ownBallot(state, self, parsed.id)) return value;
      if (!facilitator && audience.kind !== 'stage') return undefined;
      return revealed && !isWithdrawn(state, parsed.id) ? value : undefined;
    case 'reflections':
      if (ownBallot(state, self, parsed.id)) return value;
      return facilitator && !isWithdrawn(state, parsed.id) ? value : undefined;
  }
}

/** The role-filtered state an audience holds. */
export function buildView(state: RoomState, audience: Audience): RoomView {
  const view = { meta: state.meta } as RoomView;
  for (const collection of COLLECTIONS) {
    if (collection === 'auth') continue;
    const out: Record<string, unknown> = {};
    if (!unseen(state, collection, audience)) for (const id of Object.keys(state[collection])) {
      const value = visiblePart(state, partKey(collection, id), audience);
      if (value !== undefined && value !== null) out[id] = value;
    }
    (view as unknown as Record<string, unknown>)[collection] = out;
  }
  view.crowds = audience.kind === 'facilitator' ? {} : Object.fromEntries(crowdsOf(state));
  return view;
}

/**
 * A collection none of whose parts the audience can see, so a view need not look at each: the
 * phones of a team (or of no team) see nobody's record, ballot, votes, stars or reflection (once
 * votes are revealed, they see each card's crowd instead). The same answers `visiblePart` gives part by part (view.test.ts
 * compares the two), found without reading a room's thousands of people one by one.
 */
function unseen(state: RoomState, collection: (typeof COLLECTIONS)[number], audience: Audience): boolean {
  if (audience.kind !== 'public' && audience.kind !== 'team') return false;
  switch (collection) {
    case 'participants':
    case 'ballots':
    case 'reflections':
      return true;
    case 'votes':
    case 'stars':
      return true;
    default:
      return false;
  }
}

/** Collections where a participant may see a part of their own that the room does not, and how it is keyed. */
const OWN_PARTS = [
  ['participants', 'person'],
  ['ballots', 'person'],
  ['votes', 'ballot'],
  ['stars', 'ballot'],
  ['reflections', 'ballot'],
] as const;

/** The audience a participant's phone shares its view with: their team's, or the teamless phones'. */
export function sharedAudience(state: RoomState, participantId: string): Audience {
  const teamId = state.participants[participantId]?.teamId ?? null;
  return teamId === null ? { kind: 'public' } : { kind: 'team', teamId };
}

/**
 * A participant's view from the view they share with others (`sharedAudience`: their team's, or
 * the teamless phones'): the same, plus their own parts that only they see (their record, their
 * ballot, their hidden votes and stars, their reflection). Equal to
 * `buildView(state, { kind: 'participant', participantId })`, at the cost of a few parts instead of
 * the whole room, so one shared view can serve a burst of joins. `publicView` must be that shared
 * view of this same state; it is not modified.
 */
export function participantView(publicView: RoomView, state: RoomState, participantId: string): RoomView {
  const audience: Audience = { kind: 'participant', participantId };
  const ballot = state.ballots[participantId];
  let view = publicView;
  for (const [collection, keyedBy] of OWN_PARTS) {
    const id = keyedBy === 'person' ? participantId : ballot;
    if (id === undefined) continue;
    const mine = visiblePart(state, partKey(collection, id), audience);
    if (mine === undefined || mine === null) continue;
    const shared = publicView[collection] as Record<string, unknown>;
    if (shared[id] === mine) continue;
    if (view === publicView) view = { ...publicView };
    (view as unknown as Record<string, unknown>)[collection] = { ...shared, [id]: mine };
  }
  return view;
}
