import { partFromWire, sequence, viewFromWire, writePart, type Delta, type RoomView, type Snapshot } from '@leadboard/core';

/** What a client does (core's `sequence`): start from a snapshot, apply deltas in seq order, skip what it has; all taken in from the wire. */
export function applyDeltas(snapshot: Snapshot, deltas: Delta[]): { seq: number; view: RoomView } {
  const view = viewFromWire(structuredClone(snapshot.view));
  const { seq, ready, held } = sequence(snapshot.seq, [], deltas);
  if (held.length) throw new Error(`gap: have ${seq}, next delta starts at ${held[0]!.from}`);
  for (const delta of ready) for (const [key, value] of delta.changes) writePart(view, key, partFromWire(key, value));
  return { seq, view };
}
