import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { heldLatest, holdLatest } from './latest.js';
import { Tx } from './reducer/tx.js';
import { Workshop } from './testkit.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A full collection once the current job is over: until then V8 keeps every WeakRef's target. */
async function collected(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
}

describe('holdLatest', () => {
  it('keeps the latest object of a kind alive through a full collection, and lets the one before it go', async () => {
    const earlier = new WeakRef(holdLatest('test kind', { n: 1 }));
    const later = new WeakRef(holdLatest('test kind', { n: 2 }));
    await collected();
    expect(earlier.deref()).toBeUndefined();
    expect(later.deref()).toEqual({ n: 2 });
    expect(heldLatest('test kind')).toBe(later.deref());
  });

  it('holds every transaction as it is made, so a class of them is never left without a live one', () => {
    const w = new Workshop();
    w.run('facilitator', { type: 'phase.set', phase: 'place' });
    const held = heldLatest('transaction');
    expect(held).toBeInstanceOf(Tx);
    expect((held as Tx).changed.size).toBeGreaterThan(0);
    w.run('facilitator', { type: 'phase.set', phase: 'vote' });
    expect(heldLatest('transaction')).toBeInstanceOf(Tx);
    expect(heldLatest('transaction')).not.toBe(held);
  });
});
