import { sequence, writePart, type Delta, type Snapshot } from '@leadboard/core';

/** What a client does (core's `sequence`): start from a snapshot, apply deltas in seq order, skip what it has. */
export function applyDeltas(snapshot: Snapshot, deltas: Delta[]): { seq: number; view: Snapshot['view'] } {
  const view = JSON.parse(JSON.stringify(snapshot.view)) as Snapshot['view'];
  const { seq, ready, held } = sequence(snapshot.seq, [], deltas);
  if (held.length) throw new Error(`gap: have ${seq}, next delta starts at ${held[0]!.from}`);
  for (const delta of ready) for (const [key, value] of delta.changes) writePart(view, key, value);
  return { seq, view };
}
