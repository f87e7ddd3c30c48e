import { describe, expect, it } from 'vitest';
import { sequence } from './sequence.js';

const d = (from: number, seq: number) => ({ from, seq, id: `${from}-${seq}` });

describe('sequence', () => {
  it('applies the next delta and drops the ones already held in the view', () => {
    expect(sequence(4, [], [d(5, 5)])).toEqual({ seq: 5, ready: [d(5, 5)], held: [] });
    expect(sequence(4, [], [d(3, 4)])).toEqual({ seq: 4, ready: [], held: [] });
  });

  it('applies a coalesced delta that straddles the snapshot, to its end', () => {
    expect(sequence(6, [], [d(3, 8)])).toEqual({ seq: 8, ready: [d(3, 8)], held: [] });
  });

  it('holds a delta after a gap, and applies it, in order, once the gap fills', () => {
    const first = sequence(4, [], [d(7, 7)]);
    expect(first).toEqual({ seq: 4, ready: [], held: [d(7, 7)] });
    const second = sequence(first.seq, first.held, [d(6, 6)]);
    expect(second).toEqual({ seq: 4, ready: [], held: [d(6, 6), d(7, 7)] });
    expect(sequence(second.seq, second.held, [d(5, 5)])).toEqual({ seq: 7, ready: [d(5, 5), d(6, 6), d(7, 7)], held: [] });
  });

  it('skips a held delta that a longer one already covered', () => {
    expect(sequence(4, [d(6, 6)], [d(5, 7)])).toEqual({ seq: 7, ready: [d(5, 7)], held: [] });
  });
});
