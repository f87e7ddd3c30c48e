import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { describeStoreContract } from './contract.js';
import { RedisRoomStore } from './redis.js';
import { testRedisUrl } from '../../test/redis-url.js';

const stores: RedisRoomStore[] = [];
describeStoreContract('redis', async () => {
  const store = await RedisRoomStore.connect(testRedisUrl());
  stores.push(store);
  return store;
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
});

describe('redis layout', () => {
  it('keeps every key of a room in one hash slot and under one TTL', async () => {
    const store = await RedisRoomStore.connect(testRedisUrl());
    stores.push(store);
    const code = `L${Date.now() % 1_000_000}`;
    await store.create(code, new Map([['meta', {}]]), 120);
    await store.commit({ code, struct: 1, structural: false, expect: [], writes: [['v:a', {}]], acks: [['x', '1']], announce: false, ttlSeconds: 120 });
    const redis = new Redis(testRedisUrl());
    const found = (await redis.keys(`lb:{${code}}:*`)).sort();
    expect(found).toEqual([`lb:{${code}}:acks`, `lb:{${code}}:state`, `lb:{${code}}:ver`]);
    // Redis Cluster hashes only the part between the first { and the next }: one tag, one slot.
    const tags = new Set(found.map((k) => k.slice(k.indexOf('{') + 1, k.indexOf('}', k.indexOf('{')))));
    expect([...tags]).toEqual([code]);
    const ttls = await Promise.all(found.map((k) => redis.ttl(k)));
    expect(ttls.every((t) => t > 100 && t <= 120)).toBe(true);
    await store.delete(code);
    expect(await redis.keys(`lb:{${code}}:*`)).toEqual([]);
    redis.disconnect();
  });
});
