import { describe, expect, it } from 'vitest';
import { rehearse } from './rehearsal.js';
import { MemoryRoomStore } from './store/memory.js';

describe('the start-up rehearsal', () => {
  it('plays every step of a workshop with nothing refused, and leaves no workshop behind', async () => {
    const store = new MemoryRoomStore();
    const result = await rehearse({ people: 12, store });
    expect(result.refused).toEqual([]);
    // 12 team choices, 3 rounds of 12 drags, 2 of 12 votes, 3 phase changes, the reveal, 8 spotlight moves.
    expect(result.commands).toBe(12 + 36 + 24 + 3 + 1 + 8);
    expect(await store.load(result.code)).toBeNull();
  });
});
