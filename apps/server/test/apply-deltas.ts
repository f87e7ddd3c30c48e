import { writePart, type Delta, type Snapshot } from '@leadboard/core';

/**
 * What a client does: start from a snapshot, apply deltas in seq order, skip what it has.
 * A delta carries whole part values, so one that starts at or before the next seq and ends
 * after it (a coalesced window straddling the snapshot) applies cleanly.
 */
export function applyDeltas(snapshot: Snapshot, deltas: Delta[]): { seq: number; view: Snapshot['view'] } {
  const view = JSON.parse(JSON.stringify(snapshot.view)) as Snapshot['view'];
  let seq = snapshot.seq;
  for (const delta of [...deltas].sort((a, b) => a.from - b.from)) {
    if (delta.seq <= seq) continue;
    if (delta.from > seq + 1) throw new Error(`gap: have ${seq}, next delta starts at ${delta.from}`);
    for (const [key, value] of delta.changes) writePart(view, key, value);
    seq = delta.seq;
  }
  return { seq, view };
}
