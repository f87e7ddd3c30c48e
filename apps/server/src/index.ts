import { createServer } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import pino from 'pino';
import { createApp } from './app.js';
import { banner } from './banner.js';
import { lanOrigins } from './http/addresses.js';
import { readConfig } from './config.js';
import { rehearse } from './rehearsal.js';
import { MemoryRoomStore } from './store/memory.js';
import { RedisRoomStore } from './store/redis.js';
import { connectRedis, redisTarget } from './store/redis-connection.js';
import type { RoomStore } from './store/types.js';

const config = readConfig(process.env, process.argv);
const log = pino({ level: config.logLevel, redact: ['req.headers.authorization', '*.token', '*.facilitatorToken'] });
const here = dirname(fileURLToPath(import.meta.url));
const appsRoot = resolve(here, '../..');

let store: RoomStore;
let adapter;
let sharedLimits;
if (config.redisUrl) {
  const target = redisTarget(config.redisUrl, config.redisCluster);
  const redisStore = await RedisRoomStore.connect(target);
  store = redisStore;
  sharedLimits = { redis: redisStore.client, namespace: config.limitsNamespace };
  const adapterClient = connectRedis(target, { maxRetriesPerRequest: null });
  adapterClient.on('error', (error) => log.warn({ err: error.message }, 'adapter connection to Redis failed; retrying'));
  adapter = createAdapter(adapterClient);
  log.info(target.cluster ? `Store: Redis Cluster (seeds ${target.urls.length}). Several server processes can share it.` : 'Store: Redis. Several server processes can share this Redis.');
} else {
  store = new MemoryRoomStore();
  log.warn('Store: embedded, in memory. One process only, and nothing survives a restart. Set REDIS_URL to use Redis.');
}

// Before it takes phones, the server plays a small workshop on a private copy of itself, so that
// the first real room runs compiled code (rehearsal.ts). A failed rehearsal only costs that.
await rehearse().then(
  (rehearsal) => log.info({ ms: Math.round(rehearsal.ms), commands: rehearsal.commands, refused: rehearsal.refused }, 'rehearsed a workshop'),
  (error: unknown) => log.warn({ err: error instanceof Error ? error.message : String(error) }, 'the start-up rehearsal failed; the first workshop runs uncompiled code'),
);

const httpServer = createServer();
let listeningPort = config.port;
const lan = () => lanOrigins(config.host, listeningPort);
const app = createApp(httpServer, {
  store,
  log,
  adapter,
  apps: config.dev ? undefined : { participant: resolve(appsRoot, 'participant/dist'), facilitator: resolve(appsRoot, 'facilitator/dist') },
  publicUrl: config.publicUrl,
  lan,
  trustProxy: config.trustProxy,
  allowedOrigins: config.allowedOrigins,
  sharedLimits,
  dev: config.dev,
});
if (config.dev) {
  const { mountDevApps } = await import('./dev.js');
  await mountDevApps(app.http, httpServer, appsRoot);
}

httpServer.listen(config.port, config.host, () => {
  const address = httpServer.address();
  listeningPort = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(banner({ store: store.kind, publicUrl: config.publicUrl, lan: lan(), port: listeningPort }));
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  httpServer.close();
  await app.shutdown();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
