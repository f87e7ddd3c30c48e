import { describe, expect, it } from 'vitest';
import { AckMemory } from './ack-memory.js';

describe('AckMemory', () => {
  it('forgets the oldest answers of a room first, past its size', () => {
    const memory = new AckMemory(3);
    for (const key of ['a', 'b', 'c', 'd', 'e']) memory.remember('ROOM', key, `answer ${key}`);
    expect(['a', 'b', 'c', 'd', 'e'].map((key) => memory.get('ROOM', key))).toEqual([undefined, undefined, 'answer c', 'answer d', 'answer e']);
    for (const key of ['f', 'g', 'h']) memory.remember('ROOM', key, `answer ${key}`);
    expect(['e', 'f', 'g', 'h'].map((key) => memory.get('ROOM', key))).toEqual([undefined, 'answer f', 'answer g', 'answer h']);
  });

  it('takes a key it holds again without forgetting another', () => {
    const memory = new AckMemory(2);
    memory.remember('ROOM', 'a', 'first');
    memory.remember('ROOM', 'b', 'second');
    memory.remember('ROOM', 'a', 'again');
    expect([memory.get('ROOM', 'a'), memory.get('ROOM', 'b')]).toEqual(['again', 'second']);
  });

  it('keeps rooms apart and forgets a room whole', () => {
    const memory = new AckMemory(1);
    memory.remember('ONE', 'a', 'in one');
    memory.remember('TWO', 'a', 'in two');
    expect([memory.get('ONE', 'a'), memory.get('TWO', 'a')]).toEqual(['in one', 'in two']);
    memory.forget('ONE');
    expect([memory.get('ONE', 'a'), memory.get('TWO', 'a'), memory.size]).toEqual([undefined, 'in two', 1]);
  });
});
