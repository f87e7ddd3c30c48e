import { DEFAULT_LANGUAGE } from './language.js';
import type { Meta, RoomState, RoomView } from './types.js';

/**
 * The state is stored and sent as independent parts, one per entity, so that a vote, a drag or a
 * join touches only its own field. A part key is `meta` or `<prefix>:<id>`.
 */
export type PartKey = string;

export type Collection = Exclude<keyof RoomState, 'meta'>;

/**
 * What a view holds: the stored collections, and the crowds (crowd.ts), which are derived from the
 * votes for the phones and the stage and never stored.
 */
export type ViewCollection = Collection | 'crowds';

const PREFIX: Record<ViewCollection, string> = {
  teams: 't',
  participants: 'p',
  ballots: 'b',
  scenarios: 's',
  placements: 'pl',
  votes: 'v',
  stars: 'st',
  comments: 'c',
  lenses: 'l',
  takeaways: 'tk',
  reflections: 'r',
  auth: 'a',
  crowds: 'cr',
};

const BY_PREFIX = new Map<string, ViewCollection>(
  (Object.entries(PREFIX) as [ViewCollection, string][]).map(([collection, prefix]) => [prefix, collection]),
);

/** The stored collections. */
export const COLLECTIONS = (Object.keys(PREFIX) as ViewCollection[]).filter((c): c is Collection => c !== 'crowds');

/**
 * Structural parts change rarely and everything else depends on them (phase, teams, scenarios).
 * A command that writes one of them is serialised against every other command of the room;
 * all other parts are checked one by one, so concurrent voters never contend.
 */
const STRUCTURAL = new Set<string>(['meta', 't', 's', 'tk']);

export const META_KEY = 'meta';

export function partKey(collection: ViewCollection, id: string): PartKey {
  return `${PREFIX[collection]}:${id}`;
}

/**
 * One field of `meta`, as a change: a spotlight move or a timer is one field of a part that also
 * holds the title, the settings and the phase log, and goes to every phone (routing.ts sends a
 * changed meta field by field). Stored and in snapshots, meta is always whole.
 */
export function metaFieldKey(field: keyof Meta): PartKey {
  return `${META_FIELD}${field}`;
}

const META_FIELD = 'm:';

/** A part key taken apart: its collection and the id within it. */
export interface ParsedPartKey {
  collection: ViewCollection | 'meta';
  id: string;
}

/** `collection` is 'meta' for the meta part (id '') and for one of its fields (id: the field). */
export function parsePartKey(key: PartKey): ParsedPartKey | null {
  if (key === META_KEY) return { collection: 'meta', id: '' };
  if (key.startsWith(META_FIELD)) return { collection: 'meta', id: key.slice(META_FIELD.length) };
  const colon = key.indexOf(':');
  if (colon < 0) return null;
  const collection = BY_PREFIX.get(key.slice(0, colon));
  if (!collection) return null;
  return { collection, id: key.slice(colon + 1) };
}

/** The collection a part key belongs to ('meta' for the meta part), or null for a key that is not one. */
export function collectionOf(key: PartKey): ViewCollection | 'meta' | null {
  return parsePartKey(key)?.collection ?? null;
}

/** Collections that stay with their voter until the facilitator reveals the votes (docs/privacy.md). */
export const SEALED_UNTIL_REVEAL: ReadonlySet<Collection> = new Set<Collection>(['votes', 'stars']);

/** The ballot a vote or star part belongs to, or null for any other part. */
export function sealedBallot(key: PartKey): string | null {
  const parsed = parsePartKey(key);
  return parsed && parsed.collection !== 'meta' && SEALED_UNTIL_REVEAL.has(parsed.collection as Collection) ? parsed.id : null;
}

export function isStructural(key: PartKey): boolean {
  if (key === META_KEY) return true;
  return STRUCTURAL.has(key.slice(0, key.indexOf(':')));
}

export function placementKey(scenarioId: string, teamId: string): string {
  return `${scenarioId}.${teamId}`;
}

/** One collection of a state or view (a state has no crowds). */
function collectionIn(source: RoomState | RoomView, collection: ViewCollection): Record<string, unknown> | undefined {
  return (source as unknown as Record<ViewCollection, Record<string, unknown> | undefined>)[collection];
}

/** The value of one part in a state, or undefined when absent. */
export function readPart(state: RoomState | RoomView, key: PartKey): unknown {
  const parsed = parsePartKey(key);
  return parsed ? readParsedPart(state, parsed) : undefined;
}

/** `readPart` for a key already parsed (`parsePartKey`): the caller that needs both parses once. */
export function readParsedPart(state: RoomState | RoomView, parsed: ParsedPartKey): unknown {
  if (parsed.collection === 'meta') return parsed.id ? (state.meta as unknown as Record<string, unknown>)[parsed.id] : state.meta;
  const map = collectionIn(state, parsed.collection);
  return map ? map[parsed.id] : undefined;
}

/** Every part of a state, keyed. */
export function toParts(state: RoomState): Map<PartKey, unknown> {
  const parts = new Map<PartKey, unknown>();
  parts.set(META_KEY, state.meta);
  for (const collection of COLLECTIONS) {
    for (const [id, value] of Object.entries(state[collection])) parts.set(partKey(collection, id), value);
  }
  return parts;
}

/**
 * A collection of a room's state: an object without a prototype, which V8 keeps as a hash table
 * from the start. Keys are random ids: written into `{}` (or copied with a spread), each key is a
 * step in a chain of hidden classes that V8 shares across the rooms of the process and extends for
 * every new set of ids, and the copy itself takes the slow path. In a replay of 100 rooms × 30
 * votes, run eight times over in one process, the transaction's copies took 28 µs of a vote's 97 by
 * the last run that way, and 5 µs this way.
 */
export function newCollection<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A copy of a collection (see `newCollection`), and how many entries it copied. */
export function copyCollection<T>(source: Readonly<Record<string, T>>): { copy: Record<string, T>; entries: number } {
  const copy = newCollection<T>();
  let entries = 0;
  for (const id in source) {
    copy[id] = source[id]!;
    entries++;
  }
  return { copy, entries };
}

export function emptyCollections(): Omit<RoomState, 'meta'> {
  return {
    teams: newCollection(),
    participants: newCollection(),
    ballots: newCollection(),
    scenarios: newCollection(),
    placements: newCollection(),
    votes: newCollection(),
    stars: newCollection(),
    comments: newCollection(),
    lenses: newCollection(),
    takeaways: newCollection(),
    reflections: newCollection(),
    auth: newCollection(),
  };
}

/** A stored meta part as the current code reads it: one written before workshops had a language ran in English. */
function readMeta(value: unknown): Meta {
  const meta = value as Meta;
  return !meta.settings || meta.settings.language ? meta : { ...meta, settings: { ...meta.settings, language: DEFAULT_LANGUAGE } };
}

/** Rebuild a state from its parts; unknown keys are ignored. Returns null without a meta part. */
export function fromParts(parts: Iterable<[PartKey, unknown]>): RoomState | null {
  let meta: RoomState['meta'] | undefined;
  const state = emptyCollections();
  for (const [key, value] of parts) {
    const parsed = parsePartKey(key);
    if (!parsed || parsed.collection === 'crowds') continue;
    if (parsed.collection === 'meta') {
      if (!parsed.id) meta = readMeta(value);
    }
    else (state[parsed.collection] as Record<string, unknown>)[parsed.id] = value;
  }
  return meta ? { meta, ...state } : null;
}

/**
 * Set or delete one part in a state or view, mutating it. Clients use this to apply snapshots and
 * deltas; the server uses it to keep its room caches current.
 */
export function writePart(target: RoomState | RoomView, key: PartKey, value: unknown): void {
  const parsed = parsePartKey(key);
  if (!parsed) return;
  if (parsed.collection === 'meta') {
    if (parsed.id) {
      // One field: a new meta, so whoever watches the meta entry hears of it.
      if (target.meta) (target as RoomState).meta = { ...target.meta, [parsed.id]: value };
    } else if (value !== null && value !== undefined) (target as RoomState).meta = readMeta(value);
    return;
  }
  const map = collectionIn(target, parsed.collection);
  if (!map) return;
  if (value === null || value === undefined) delete map[parsed.id];
  else map[parsed.id] = value;
}

/** A new state with some parts set or deleted; the input is left untouched (collections are copied on write). */
export function withParts(state: RoomState, writes: Iterable<[PartKey, unknown]>): RoomState {
  const next = { ...state };
  const copied = new Set<Collection>();
  for (const [key, value] of writes) {
    const parsed = parsePartKey(key);
    if (!parsed || parsed.collection === 'crowds') continue;
    if (parsed.collection !== 'meta' && !copied.has(parsed.collection)) {
      (next as Record<Collection, unknown>)[parsed.collection] = copyCollection<unknown>(next[parsed.collection]).copy;
      copied.add(parsed.collection);
    }
    writePart(next, key, value);
  }
  return next;
}
