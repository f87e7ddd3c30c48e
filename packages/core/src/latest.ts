/**
 * The latest object of each short-lived kind, held until the next one of its kind replaces it.
 *
 * V8 drops the hidden class of a class none of whose objects is alive when a full garbage
 * collection runs, and with it every optimised function that had seen that class (`--trace-deopt`
 * calls it "weak objects"). A transaction, a batch's run or a rate limiter's answer lives for one
 * batch, so none is alive at most full collections, and those come when a busy server falls quiet:
 * the next burst (the vote after a discussion) ran on unoptimised code while V8 compiled the
 * commit loop again. Holding the latest one of each keeps its class, and the code built for it.
 * What it costs: one object of each kind, and what that object refers to, until the next one.
 */
const latest = new Map<string, object>();

/** Hold `value` as the latest of its `kind` (and return it). */
export function holdLatest<T extends object>(kind: string, value: T): T {
  latest.set(kind, value);
  return value;
}

/** The latest held of a kind. */
export function heldLatest(kind: string): object | undefined {
  return latest.get(kind);
}
