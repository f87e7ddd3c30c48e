import { partKey, type PartKey } from './parts.js';
import type { Placement, RoomView } from './types.js';
import type { Snapshot } from './protocol.js';
import type { Change } from './view.js';

/**
 * What travels between the server and the screens. A placement's key already names its card and
 * team (`pl:<card>.<team>`), so on the wire its value leaves them out: a third of the bytes of a
 * board, which every phone receives at the discussion. The server sends every part and view
 * through `…ToWire`, every screen takes them in through `…FromWire`; state and views in memory
 * keep whole placements. docs/protocol.md describes the wire form.
 */
export type WirePlacement = Omit<Placement, 'scenarioId' | 'teamId'>;

/** A view as a snapshot carries it: placements in their wire form. */
export type WireView = Omit<RoomView, 'placements'> & { placements: Record<string, WirePlacement> };

// Parts are never changed in place: each placement is put in wire form once, however many audiences are sent it.
const onWire = new WeakMap<Placement, WirePlacement>();
const PLACEMENT = partKey('placements', '');

/**
 * The fields copied one by one below (a spread costs a few microseconds a placement, and the load
 * harness takes in hundreds of thousands). Should `Placement` gain a field, this fails to compile
 * until the copies carry it.
 */
type Copied = 'x' | 'y' | 'settled' | 'by' | 'at';
const _everyField: [keyof WirePlacement] extends [Copied] ? ([Copied] extends [keyof WirePlacement] ? true : never) : never = true;

function placementToWire(placement: Placement): WirePlacement {
  let wire = onWire.get(placement);
  if (!wire) {
    wire = { x: placement.x, y: placement.y, settled: placement.settled };
    if (placement.by !== undefined) wire.by = placement.by;
    if (placement.at !== undefined) wire.at = placement.at;
    onWire.set(placement, wire);
  }
  return wire;
}

/** `id` is the placement's `<card>.<team>`; a new object, as a snapshot's view may be shared. */
function placementFromWire(id: string, wire: WirePlacement | Placement): Placement {
  if ('scenarioId' in wire) return wire;
  const dot = id.indexOf('.');
  if (dot <= 0) return wire as Placement;
  const placement: Placement = { scenarioId: id.slice(0, dot), teamId: id.slice(dot + 1), x: wire.x, y: wire.y, settled: wire.settled };
  if (wire.by !== undefined) placement.by = wire.by;
  if (wire.at !== undefined) placement.at = wire.at;
  return placement;
}

function isPlacement(key: PartKey, value: unknown): value is Placement {
  return value !== null && typeof value === 'object' && key.startsWith(PLACEMENT);
}

/** One part's value as it travels (never changed: the same value may go to several audiences). */
export function partToWire(key: PartKey, value: unknown): unknown {
  return isPlacement(key, value) ? placementToWire(value) : value;
}

/**
 * One received part's value as a screen keeps it. A placement is completed in place: the value is
 * the receiver's own, just parsed from a message, and a room of phones at the discussion takes in
 * a few hundred each (the load harness, hundreds of thousands) without a copy. A value already
 * whole stays as it is.
 */
export function partFromWire(key: PartKey, value: unknown): unknown {
  if (!isPlacement(key, value)) return value;
  const placement = value as WirePlacement & Partial<Pick<Placement, 'scenarioId' | 'teamId'>>;
  const id = key.slice(PLACEMENT.length);
  const dot = id.indexOf('.');
  if (placement.scenarioId === undefined && dot > 0) {
    placement.scenarioId = id.slice(0, dot);
    placement.teamId = id.slice(dot + 1);
  }
  return placement;
}

export function changesToWire(changes: readonly Change[]): Change[] {
  return changes.map(([key, value]) => [key, partToWire(key, value)]);
}

/** Received changes as a screen keeps them (placements completed in place, `partFromWire`). */
export function changesFromWire(changes: readonly Change[]): Change[] {
  return changes.map(([key, value]) => [key, partFromWire(key, value)]);
}

export function viewToWire(view: RoomView): WireView {
  const placements: Record<string, WirePlacement> = {};
  for (const id in view.placements) placements[id] = placementToWire(view.placements[id]!);
  return { ...view, placements };
}

export function viewFromWire(view: WireView | RoomView): RoomView {
  const placements: Record<string, Placement> = {};
  for (const id in view.placements) placements[id] = placementFromWire(id, view.placements[id]!);
  return { ...view, placements };
}

/** A snapshot as a screen keeps it: its view taken in from the wire. */
export type TakenSnapshot = Omit<Snapshot, 'view'> & { view: RoomView };

export function snapshotFromWire(snapshot: Snapshot): TakenSnapshot {
  return { ...snapshot, view: viewFromWire(snapshot.view) };
}
