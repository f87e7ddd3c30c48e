import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import pino from 'pino';
import { createApp, type AppDeps } from '@leadboard/server';
// The server package exports only createApp; its stores are wired by its own entry point.
import { MemoryRoomStore } from '../../../apps/server/src/store/memory.js';
import { RedisRoomStore } from '../../../apps/server/src/store/redis.js';
import { connectRedis, redisTarget } from '../../../apps/server/src/store/redis-connection.js';
import { rehearse } from '../../../apps/server/src/rehearsal.js';
import { serveHarness } from './ipc.js';

/**
 * The Leadboard server as `apps/server/src/index.ts` builds it (memory store, or Redis store plus
 * the Redis Streams adapter and per-IP limits counted in Redis when REDIS_URL is set, on a Redis
 * Cluster with REDIS_CLUSTER=1), with the per-IP limits raised: every simulated phone connects from
 * 127.0.0.1. Per-connection command limits stay as in production.
 */
const LOAD_LIMITS: AppDeps['limits'] = {
  joinBurstPerIp: 1_000_000,
  joinsPerIpPerSecond: 1_000_000,
  createsPerIpPerMinute: 100_000,
};

const target = process.env.REDIS_URL ? redisTarget(process.env.REDIS_URL, process.env.REDIS_CLUSTER === '1') : undefined;
const log = pino({ level: 'warn' });
const store = target ? await RedisRoomStore.connect(target) : new MemoryRoomStore();
const adapterClient = target ? connectRedis(target, { maxRetriesPerRequest: null }) : undefined;
const sharedLimits = store instanceof RedisRoomStore ? { redis: store.client } : undefined;

// As index.ts: a small workshop rehearsed on a private copy before the server takes phones.
await rehearse();
const httpServer = createServer();
const app = createApp(httpServer, {
  store,
  log,
  adapter: adapterClient ? createAdapter(adapterClient) : undefined,
  limits: LOAD_LIMITS,
  sharedLimits,
});

serveHarness(httpServer, () => app.io.engine.clientsCount, async () => {
  await app.shutdown();
  adapterClient?.disconnect();
  httpServer.close();
});
