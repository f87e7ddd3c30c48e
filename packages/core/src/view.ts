import { collectionOf, COLLECTIONS, META_KEY, parsePartKey, partKey, readPart, type PartKey } from './parts.js';
import { ballotOwners, facilitatorSeesAuthors, isWithdrawn } from './privacy.js';
import type { RoomState, RoomView } from './types.js';

/**
 * Who a view or a change is for. `public` is what every phone sees; the stage (the projector, and
 * the facilitator's preview of a phone) sees the same and, to greet people as they arrive, who is
 * in the room.
 */
export type Audience =
  | { kind: 'facilitator' }
  | { kind: 'stage' }
  | { kind: 'public' }
  | { kind: 'participant'; participantId: string };

/** One changed part: its key and the new value, or null when the part is gone for this audience. */
export type Change = [key: PartKey, value: unknown];

function scenarioVisible(state: RoomState, scenarioId: string): boolean {
  const scenario = state.scenarios[scenarioId];
  return scenario !== undefined && !scenario.hidden;
}

/**
 * What an audience may see of one part: the value, null (it is hidden from them, so a client that
 * has it must drop it), or undefined (it was never theirs to know about). docs/privacy.md is this
 * function in words; every view, delta, snapshot and export goes through it.
 */
export function visiblePart(state: RoomState, key: PartKey, audience: Audience): unknown {
  const parsed = parsePartKey(key);
  if (!parsed) return undefined;
  const value = readPart(state, key);
  if (parsed.collection === 'auth') return undefined;
  if (value === undefined) return null;
  const facilitator = audience.kind === 'facilitator';
  const self = audience.kind === 'participant' ? audience.participantId : null;
  const own = (ballot: string) => self !== null && state.ballots[self] === ballot;
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
    case 'placements':
      return facilitator || scenarioVisible(state, state.placements[parsed.id]!.scenarioId) ? value : null;
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
      if (own(parsed.id)) return value;
      return revealed && !isWithdrawn(state, parsed.id) ? value : undefined;
    case 'reflections':
      if (own(parsed.id)) return value;
      return facilitator && !isWithdrawn(state, parsed.id) ? value : undefined;
  }
}

/** The role-filtered state an audience holds. */
export function buildView(state: RoomState, audience: Audience): RoomView {
  const view = { meta: state.meta } as RoomView;
  for (const collection of COLLECTIONS) {
    if (collection === 'auth') continue;
    const out: Record<string, unknown> = {};
    for (const id of Object.keys(state[collection])) {
      const value = visiblePart(state, partKey(collection, id), audience);
      if (value !== undefined && value !== null) out[id] = value;
    }
    (view as unknown as Record<string, unknown>)[collection] = out;
  }
  return view;
}

/** Collections where a participant may see a part of their own that the room does not, and how it is keyed. */
const OWN_PARTS = [
  ['participants', 'person'],
  ['ballots', 'person'],
  ['votes', 'ballot'],
  ['stars', 'ballot'],
  ['reflections', 'ballot'],
] as const;

/**
 * A participant's view from the room's public view: the same, plus their own parts that only they
 * see (their ballot, their hidden votes and stars, their reflection, their own record after
 * leaving). Equal to `buildView(state, { kind: 'participant', participantId })`, at the cost of a
 * few parts instead of the whole room, so one public view can serve a burst of joins. `publicView`
 * must be the public view of this same state; it is not modified.
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

/** Every part that belongs to a ballot: what a person contributed on their own. */
function ballotParts(state: RoomState, ballot: string): PartKey[] {
  const keys = [partKey('votes', ballot), partKey('stars', ballot), partKey('lenses', ballot), partKey('reflections', ballot)];
  for (const [id, c] of Object.entries(state.comments)) if (c.author === ballot) keys.push(partKey('comments', id));
  return keys;
}

/**
 * Parts whose visibility follows from another part: a reveal shows every vote, hiding a card hides
 * its comments, removing someone from a named workshop withdraws what they contributed.
 */
function dependents(before: RoomState, after: RoomState, changed: readonly PartKey[]): PartKey[] {
  const keys: PartKey[] = [];
  if (changed.includes(META_KEY) && before.meta.revealed !== after.meta.revealed) {
    for (const state of [before, after]) {
      for (const id of Object.keys(state.votes)) keys.push(partKey('votes', id));
      for (const id of Object.keys(state.stars)) keys.push(partKey('stars', id));
    }
  }
  const toggled = new Set<string>();
  for (const key of changed) {
    const parsed = parsePartKey(key);
    if (parsed?.collection === 'participants') {
      const ballot = after.ballots[parsed.id] ?? before.ballots[parsed.id];
      const removed = (state: RoomState) => state.participants[parsed.id]?.status === 'removed';
      if (ballot !== undefined && removed(before) !== removed(after)) {
        for (const state of [before, after]) keys.push(...ballotParts(state, ballot));
      }
    }
    if (parsed?.collection !== 'scenarios') continue;
    if ((before.scenarios[parsed.id]?.hidden ?? false) !== (after.scenarios[parsed.id]?.hidden ?? false)) toggled.add(parsed.id);
  }
  if (toggled.size) {
    for (const [id, c] of Object.entries(after.comments)) if (toggled.has(c.scenarioId)) keys.push(partKey('comments', id));
    for (const [id, p] of Object.entries(after.placements)) if (toggled.has(p.scenarioId)) keys.push(partKey('placements', id));
    for (const id of toggled) keys.push(partKey('takeaways', id));
  }
  return keys;
}

function changeFor(before: RoomState, after: RoomState, key: PartKey, audience: Audience): Change | null {
  const now = visiblePart(after, key, audience);
  if (now !== undefined) {
    const was = visiblePart(before, key, audience);
    // Something they never had and still do not have needs no message.
    if (now === null && (was === null || was === undefined)) return null;
    return [key, now];
  }
  const was = visiblePart(before, key, audience);
  return was !== undefined && was !== null ? [key, null] : null;
}

/**
 * Whether a change is told to anyone but its owner: a commit of hidden votes alone is not, and does
 * not take a seq of its own (the same test routeChanges makes, without building the messages).
 */
export function announces(before: RoomState, after: RoomState, changed: readonly PartKey[]): boolean {
  const keys = new Set([...changed, ...dependents(before, after, changed)]);
  for (const key of keys) {
    if (changeFor(before, after, key, { kind: 'facilitator' }) || changeFor(before, after, key, { kind: 'public' })) return true;
    if (collectionOf(key) === 'participants' && changeFor(before, after, key, { kind: 'stage' })) return true;
  }
  return false;
}

export interface RoutedChanges {
  facilitator: Change[];
  public: Change[];
  /** The public changes, and who came and went. */
  stage: Change[];
  /** Parts only their owner sees (their ballot, own votes, stars, reflection), by participant id. */
  private: Map<string, Change[]>;
}

const PRIVATE_COLLECTIONS = new Set(['participants', 'ballots', 'votes', 'stars', 'reflections']);

/** Split the parts changed by a command into what each audience is told. */
export function routeChanges(before: RoomState, after: RoomState, changed: readonly PartKey[]): RoutedChanges {
  const keys = [...new Set([...changed, ...dependents(before, after, changed)])];
  const routed: RoutedChanges = { facilitator: [], public: [], stage: [], private: privateChanges(before, after, changed) };
  for (const key of keys) {
    const fac = changeFor(before, after, key, { kind: 'facilitator' });
    if (fac) routed.facilitator.push(fac);
    const pub = changeFor(before, after, key, { kind: 'public' });
    if (pub) routed.public.push(pub);
    const stage = collectionOf(key) === 'participants' ? changeFor(before, after, key, { kind: 'stage' }) : pub;
    if (stage) routed.stage.push(stage);
  }
  return routed;
}

/** What each participant alone is told of a change: their own record and hidden parts (ballot, votes, stars, reflection). */
export function privateChanges(before: RoomState, after: RoomState, changed: readonly PartKey[]): Map<string, Change[]> {
  const out = new Map<string, Change[]>();
  for (const key of changed) {
    const parsed = parsePartKey(key);
    if (!parsed || !PRIVATE_COLLECTIONS.has(parsed.collection)) continue;
    // Parts the room sees go out with the room's changes.
    if (changeFor(before, after, key, { kind: 'public' })) continue;
    const byPerson = parsed.collection === 'ballots' || parsed.collection === 'participants';
    const owner = byPerson ? parsed.id : (ballotOwners(after).get(parsed.id) ?? ballotOwners(before).get(parsed.id));
    if (owner === undefined) continue;
    const own = changeFor(before, after, key, { kind: 'participant', participantId: owner });
    if (own) out.set(owner, [...(out.get(owner) ?? []), own]);
  }
  return out;
}
