import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import pino from 'pino';
import { createApp, type AppDeps } from '@leadboard/server';
// The server package exports only createApp; its stores are wired by its own entry point.
import { MemoryRoomStore } from '../../../apps/server/src/store/memory.js';
import { RedisRoomStore } from '../../../apps/server/src/store/redis.js';
import { serveHarness } from './ipc.js';

/**
 * The Leadboard server as `apps/server/src/index.ts` builds it (memory store, or Redis store plus
 * the Redis Streams adapter when REDIS_URL is set), with the per-IP limits raised: every simulated
 * phone connects from 127.0.0.1. Per-connection command limits stay as in production.
 */
const LOAD_LIMITS: AppDeps['limits'] = {
  joinBurstPerIp: 1_000_000,
  joinsPerIpPerSecond: 1_000_000,
  createsPerIpPerMinute: 100_000,
};

const redisUrl = process.env.REDIS_URL;
const log = pino({ level: 'warn' });
let adapterClient: Redis | undefined;
const store = redisUrl ? await RedisRoomStore.connect(redisUrl) : new MemoryRoomStore();
if (redisUrl) adapterClient = new Redis(redisUrl, { maxRetriesPerRequest: null });

const httpServer = createServer();
const app = createApp(httpServer, {
  store,
  log,
  adapter: adapterClient ? createAdapter(adapterClient) : undefined,
  limits: LOAD_LIMITS,
});

serveHarness(httpServer, () => app.io.engine.clientsCount, async () => {
  await app.shutdown();
  adapterClient?.disconnect();
  httpServer.close();
});
