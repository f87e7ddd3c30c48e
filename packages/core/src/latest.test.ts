import { describe, expect, it } from 'vitest';
import { heldLatest, holdLatest } from './latest.js';
import { Tx } from './reducer/tx.js';
import { Workshop } from './testkit.js';

describe('holdLatest', () => {
  it('holds the latest object of a kind until the next replaces it', () => {
    const first = holdLatest('test kind', { n: 1 });
    expect(heldLatest('test kind')).toBe(first);
    const second = holdLatest('test kind', { n: 2 });
    expect(heldLatest('test kind')).toBe(second);
    expect(heldLatest('another kind')).toBeUndefined();
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
