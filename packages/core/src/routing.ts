import { crowdsOf, sameCrowd, sameCrowdSources } from './crowd.js';
import { collectionOf, META_KEY, metaFieldKey, parsePartKey, partKey, type PartKey } from './parts.js';
import { ballotOwners } from './privacy.js';
import type { Meta, RoomState } from './types.js';
import { placementsShared, visiblePart, type Audience, type Change } from './view.js';

/** Every part that belongs to a ballot: what a person contributed on their own. */
function ballotParts(state: RoomState, ballot: string): PartKey[] {
  const keys = [partKey('votes', ballot), partKey('stars', ballot), partKey('lenses', ballot), partKey('reflections', ballot)];
  for (const [id, c] of Object.entries(state.comments)) if (c.author === ballot) keys.push(partKey('comments', id));
  return keys;
}

/** Collections the stage sees otherwise than the phones (view.ts). */
const STAGE_OWN = new Set(['participants', 'placements', 'votes', 'stars']);

/** Collections whose change can change a card's crowd, once votes are revealed. */
const CROWD_SOURCES = new Set(['meta', 'votes', 'stars', 'participants', 'scenarios']);

/** The crowds (crowd.ts) a change altered: derived parts, told when what they say differs. */
function changedCrowds(before: RoomState, after: RoomState, changed: readonly PartKey[]): PartKey[] {
  if (!before.meta.revealed && !after.meta.revealed) return [];
  if (!changed.some((key) => CROWD_SOURCES.has(collectionOf(key) ?? ''))) return [];
  if (sameCrowdSources(before, after)) return [];
  const was = crowdsOf(before);
  const now = crowdsOf(after);
  const keys: PartKey[] = [];
  for (const id of new Set([...was.keys(), ...now.keys()])) if (!sameCrowd(was.get(id), now.get(id))) keys.push(partKey('crowds', id));
  return keys;
}

/**
 * Parts whose visibility follows from another part: a reveal shows every vote, hiding a card hides
 * its comments, removing someone from a named workshop withdraws what they contributed; and the
 * crowds, which follow from the votes.
 */
function dependents(before: RoomState, after: RoomState, changed: readonly PartKey[]): PartKey[] {
  const keys: PartKey[] = changedCrowds(before, after, changed);
  if (changed.includes(META_KEY) && placementsShared(before) !== placementsShared(after)) {
    for (const state of [before, after]) for (const id of Object.keys(state.placements)) keys.push(partKey('placements', id));
  }
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
    if (STAGE_OWN.has(collectionOf(key) ?? '') && changeFor(before, after, key, { kind: 'stage' })) return true;
  }
  return false;
}

export interface RoutedChanges {
  facilitator: Change[];
  /** For the phones of people in no team, and of every team not in `teams`. */
  public: Change[];
  /**
   * The whole list for each team whose phones see something the others do not: its own
   * placements, while teams place blind.
   */
  teams: Map<string, Change[]>;
  /** The public changes, and who came and went. */
  stage: Change[];
}

const PRIVATE_COLLECTIONS = new Set(['participants', 'ballots', 'votes', 'stars', 'reflections']);

/** Split the parts changed by a command into what each audience is told. */
export function routeChanges(before: RoomState, after: RoomState, changed: readonly PartKey[]): RoutedChanges {
  const keys = [...new Set([...changed, ...dependents(before, after, changed)])];
  const routed: RoutedChanges = { facilitator: [], public: [], teams: new Map(), stage: [] };
  /** Per team, the keys it is told otherwise than the public, and what (null: nothing). */
  const overrides = new Map<string, Map<PartKey, Change | null>>();
  for (const key of keys) {
    const fac = changeFor(before, after, key, { kind: 'facilitator' });
    if (fac) routed.facilitator.push(fac);
    const pub = changeFor(before, after, key, { kind: 'public' });
    if (pub) routed.public.push(pub);
    const collection = collectionOf(key);
    const blind = collection === 'placements' && !(placementsShared(before) && placementsShared(after));
    // The stage sees what the phones see, and who is in the room, every team's board with who
    // moved each card, and the revealed votes as well.
    const stage = STAGE_OWN.has(collection ?? '') ? changeFor(before, after, key, { kind: 'stage' }) : pub;
    if (stage) routed.stage.push(stage);
    if (!blind) continue;
    const id = key.slice(key.indexOf(':') + 1);
    for (const teamId of new Set([before.placements[id]?.teamId, after.placements[id]?.teamId])) {
      if (teamId === undefined) continue;
      let forTeam = overrides.get(teamId);
      if (!forTeam) overrides.set(teamId, (forTeam = new Map()));
      forTeam.set(key, changeFor(before, after, key, { kind: 'team', teamId }));
    }
  }
  for (const [teamId, forTeam] of overrides) {
    const list = routed.public.filter(([key]) => !forTeam.has(key));
    for (const change of forTeam.values()) if (change) list.push(change);
    routed.teams.set(teamId, list);
  }
  if (keys.includes(META_KEY)) {
    const fields = metaFields(before.meta, after.meta);
    const split = (list: Change[]) => list.flatMap((change) => (change[0] === META_KEY ? fields : [change]));
    routed.facilitator = split(routed.facilitator);
    routed.public = split(routed.public);
    routed.stage = split(routed.stage);
    for (const [teamId, list] of routed.teams) routed.teams.set(teamId, split(list));
  }
  return routed;
}

/**
 * A changed meta as the fields that changed (`m:<field>`, parts.ts), which every audience sees
 * alike: a spotlight move is a few bytes to each phone, not the title, settings and phase log.
 * Fields are compared by value: a copy that took a commit in from the store (another server
 * process's) holds equal settings and phase log in new objects.
 */
function metaFields(before: Meta, after: Meta): Change[] {
  const changed = (field: keyof Meta) =>
    before[field] !== after[field] && (typeof after[field] !== 'object' || JSON.stringify(before[field]) !== JSON.stringify(after[field]));
  return (Object.keys(after) as (keyof Meta)[]).filter(changed).map((field) => [metaFieldKey(field), after[field]]);
}

/** Someone moved to another team (or out of one): what their phone must now hold of the placements. */
export interface TeamMove {
  participantId: string;
  from: string | null;
  to: string | null;
  changes: Change[];
}

/**
 * The participants a change moved between teams, each with the placements their phone gains or
 * loses: while teams place blind a phone holds its own team's only.
 */
export function teamMoves(before: RoomState, after: RoomState, changed: readonly PartKey[]): TeamMove[] {
  const moves: TeamMove[] = [];
  for (const key of changed) {
    const parsed = parsePartKey(key);
    if (parsed?.collection !== 'participants') continue;
    const from = before.participants[parsed.id]?.teamId ?? null;
    const to = after.participants[parsed.id]?.teamId ?? null;
    if (from === to) continue;
    const audience: Audience = { kind: 'participant', participantId: parsed.id };
    const placements = new Set([...Object.keys(before.placements), ...Object.keys(after.placements)]);
    const changes: Change[] = [];
    for (const id of placements) {
      const change = changeFor(before, after, partKey('placements', id), audience);
      if (change) changes.push(change);
    }
    moves.push({ participantId: parsed.id, from, to, changes });
  }
  return moves;
}

/**
 * Whose own part a key names, when it is one of the parts a participant is told privately: their
 * record, their ballot, and the votes, stars and reflection of that ballot (looked up in each state
 * given, in order). Undefined for every other part.
 */
export function privateOwner(key: PartKey, ...states: RoomState[]): string | undefined {
  const parsed = parsePartKey(key);
  if (!parsed || !PRIVATE_COLLECTIONS.has(parsed.collection)) return undefined;
  if (parsed.collection === 'ballots' || parsed.collection === 'participants') return parsed.id;
  for (const state of states) {
    const owner = ballotOwners(state).get(parsed.id);
    if (owner !== undefined) return owner;
  }
  return undefined;
}

/** What each participant alone is told of a change: their own record and hidden parts (ballot, votes, stars, reflection). */
export function privateChanges(before: RoomState, after: RoomState, changed: readonly PartKey[]): Map<string, Change[]> {
  const out = new Map<string, Change[]>();
  for (const key of changed) {
    const owner = privateOwner(key, after, before);
    if (owner === undefined) continue;
    // Parts the room sees go out with the room's changes.
    if (changeFor(before, after, key, { kind: 'public' })) continue;
    const own = changeFor(before, after, key, { kind: 'participant', participantId: owner });
    if (own) out.set(owner, [...(out.get(owner) ?? []), own]);
  }
  return out;
}
