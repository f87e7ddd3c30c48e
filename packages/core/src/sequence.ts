/** The seq range a delta covers: it brings a view from `from - 1` to `seq`. */
export interface SeqRange {
  from: number;
  seq: number;
}

/** Deltas in hand against a view at `seq`: the ones to apply now, in order, and the ones to hold. */
export interface Sequenced<D extends SeqRange> {
  seq: number;
  ready: D[];
  held: D[];
}

/**
 * Seq ordering, the one rule every client follows (docs/protocol.md "Ordering"): a delta at or
 * below the view's seq is old and dropped; one whose range starts at or before the next seq
 * applies (parts carry whole values, so a coalesced delta that straddles a snapshot brings the
 * view to its `seq` exactly); one that starts later waits for the gap to fill. Returns what to
 * apply now, in order, and what still waits; a client that holds deltas too long asks for a
 * snapshot.
 */
export function sequence<D extends SeqRange>(seq: number, held: readonly D[], incoming: readonly D[] = []): Sequenced<D> {
  const waiting = [...held, ...incoming].sort((a, b) => a.from - b.from || a.seq - b.seq);
  const ready: D[] = [];
  let at = seq;
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const delta of waiting) {
      if (delta.seq <= at || delta.from > at + 1) continue;
      ready.push(delta);
      at = delta.seq;
      progressed = true;
    }
  }
  return { seq: at, ready, held: waiting.filter((d) => d.seq > at) };
}
