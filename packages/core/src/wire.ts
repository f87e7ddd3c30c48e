import { partKey, type PartKey } from './parts.js';
import type { Placement, RoomView } from './types.js';
import type { Snapshot } from './protocol.js';
import type { Change } from './view.js';

/**
 * What travels between the server and the screens. A placement's key already names its card and
 * team (`pl:<card>.<team>`), so on the wire its value leaves them out: a third of the bytes of a
 * board, which every phone receives at the discussion. The server sends every part and view
 * through `…ToWire`, which builds new values; every screen takes them in through `…FromWire`, which
 * makes each received placement whole as a new object of one fixed shape. (Adding the two fields
 * to each parsed object instead reshapes it, which in some runs of the load harness, a process
 * that takes in hundreds of thousands of placements, fell onto a much slower path of V8's.)
 * State and views in memory keep whole placements. docs/protocol.md describes the wire form.
 */
export type WirePlacement = Omit<Placement, 'scenarioId' | 'teamId'>;

/** A view as a snapshot carries it: placements in their wire form. */
export type WireView = Omit<RoomView, 'placements'> & { placements: Record<string, WirePlacement> };

/** A snapshot as a screen keeps it: its view taken in from the wire. */
export type TakenSnapshot = Omit<Snapshot, 'view'> & { view: RoomView };

const PLACEMENT = partKey('placements', '');

/**
 * The fields copied one by one below (a spread costs a few microseconds a placement, and the load
 * harness plays rooms of thousands of phones). Should `Placement` gain a field, this fails to
 * compile until the copy carries it.
 */
type Copied = 'x' | 'y' | 'settled' | 'by' | 'at';
const _everyField: [keyof WirePlacement] extends [Copied] ? ([Copied] extends [keyof WirePlacement] ? true : never) : never = true;

function placementToWire(placement: Placement): WirePlacement {
  const wire: WirePlacement = { x: placement.x, y: placement.y, settled: placement.settled };
  if (placement.by !== undefined) wire.by = placement.by;
  if (placement.at !== undefined) wire.at = placement.at;
  return wire;
}

/** A received placement made whole from its id (`<card>.<team>`); one already whole stays as it is. */
function completePlacement(id: string, received: WirePlacement & Partial<Pick<Placement, 'scenarioId' | 'teamId'>>): Placement {
  const dot = id.indexOf('.');
  if (received.scenarioId !== undefined || dot <= 0) return received as Placement;
  const placement: Placement = { scenarioId: id.slice(0, dot), teamId: id.slice(dot + 1), x: received.x, y: received.y, settled: received.settled };
  if (received.by !== undefined) placement.by = received.by;
  if (received.at !== undefined) placement.at = received.at;
  return placement;
}

function isPlacement(key: PartKey, value: unknown): value is Placement {
  return value !== null && typeof value === 'object' && key.startsWith(PLACEMENT);
}

/** One part's value as it travels. */
export function partToWire(key: PartKey, value: unknown): unknown {
  return isPlacement(key, value) ? placementToWire(value) : value;
}

/** One received part's value as a screen keeps it. */
export function partFromWire(key: PartKey, value: unknown): unknown {
  return isPlacement(key, value) ? completePlacement(key.slice(PLACEMENT.length), value) : value;
}

export function changesToWire(changes: readonly Change[]): Change[] {
  return changes.map(([key, value]) => [key, partToWire(key, value)]);
}

/** Received changes as a screen keeps them. */
export function changesFromWire(changes: readonly Change[]): Change[] {
  return changes.map(([key, value]) => [key, partFromWire(key, value)]);
}

export function viewToWire(view: RoomView): WireView {
  const placements: Record<string, WirePlacement> = {};
  for (const id in view.placements) placements[id] = placementToWire(view.placements[id]!);
  return { ...view, placements };
}

/** A received view as a screen keeps it: the same view, its placements made whole. */
export function viewFromWire(view: WireView | RoomView): RoomView {
  const placements = view.placements as Record<string, WirePlacement | Placement>;
  for (const id in placements) placements[id] = completePlacement(id, placements[id]!);
  return view as RoomView;
}

export function snapshotFromWire(snapshot: Snapshot): TakenSnapshot {
  return { ...snapshot, view: viewFromWire(snapshot.view) };
}
