import { describe, expect, it } from 'vitest';
import { describeStoreContract } from './contract.js';
import { MemoryRoomStore } from './memory.js';

describeStoreContract('memory', async () => new MemoryRoomStore());

describe('memory store expiry', () => {
  it('forgets a room once its time is up', async () => {
    let now = 1000;
    const store = new MemoryRoomStore(() => now);
    await store.create('ROOM01', new Map([['meta', {}]]), 10);
    now += 9_000;
    expect(await store.load('ROOM01')).not.toBeNull();
    now += 2_000;
    expect(await store.load('ROOM01')).toBeNull();
    await store.close();
  });
});
