import express from 'express';
import helmet from 'helmet';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Logger } from 'pino';
import { errorHandler } from './http/errors.js';
import { Metrics } from './metrics.js';
import { addressRoutes, isLoopbackHost } from './http/addresses.js';
import { healthRoutes } from './http/health.js';
import { serveApps, type AppDirs } from './http/static.js';
import { workshopRoutes } from './http/workshops.js';
import { RoomService } from './rooms/service.js';
import { deviceOf } from './security/device.js';
import { Limit, type LimitOptions } from './security/limits.js';
import { newId } from './security/tokens.js';
import type { Broadcaster } from './socket/broadcaster.js';
import { attachSockets, type SocketOptions } from './socket/index.js';
import { roomNames } from './socket/names.js';
import type { IoServer } from './socket/types.js';
import type { RoomStore } from './store/types.js';

export interface AppDeps {
  store: RoomStore;
  log: Logger;
  /** A Socket.IO adapter factory shared by every server process (Redis Streams), or none for one process. */
  adapter?: Parameters<Server['adapter']>[0];
  apps?: AppDirs;
  publicUrl?: string;
  /** This machine's addresses on the local network, once listening (index.ts); none in tests. */
  lan?: () => string[];
  trustProxy?: boolean;
  /** Origins allowed to open a socket besides the server's own. */
  allowedOrigins?: string[];
  clock?: () => number;
  limits?: SocketOptions['limits'] & { createsPerIpPerMinute?: number };
  /** Per-IP limits counted in Redis, shared by every process on it; absent, each process counts alone. */
  sharedLimits?: Omit<LimitOptions, 'name'>;
  /** A room nobody used for this long, with no socket on this process, leaves memory (default 10 minutes). */
  idleMs?: number;
  /** Development: Vite serves the apps and injects inline scripts, so no CSP. */
  dev?: boolean;
}

export interface App {
  http: express.Express;
  io: IoServer;
  rooms: RoomService;
  broadcaster: Broadcaster;
  metrics: Metrics;
  /** Stop taking work, let queued commands finish, tell clients to reconnect elsewhere, close. */
  shutdown(): Promise<void>;
}

/** Wiring only: HTTP routes, the socket protocol and the room service around one store. */
export function createApp(httpServer: HttpServer, deps: AppDeps): App {
  const clock = deps.clock ?? Date.now;
  // Read at each scrape; `rooms` exists by then.
  const metrics = new Metrics({ loadedRooms: () => rooms.cache.size });
  let draining = false;

  // Express must listen before Socket.IO attaches: Socket.IO then keeps /socket.io/ requests to itself.
  const http = express();
  httpServer.on('request', http);
  const io: IoServer = new Server(httpServer, {
    maxHttpBufferSize: 32 * 1024,
    // A phone that went away shows as away on the console within ten seconds (a ping every 5 s,
    // 4 s to answer, then the presence update); a reconnect after a spurious timeout is seamless.
    pingInterval: 5_000,
    pingTimeout: 4_000,
    serveClient: false,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (!origin) return callback(null, true);
      const own = `${req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'}://${req.headers.host}`;
      const allowed = origin === own || origin === deps.publicUrl || (deps.allowedOrigins ?? []).includes(origin);
      callback(allowed ? null : 'origin not allowed', allowed);
    },
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
  });
  // A room with sockets of this process stays loaded, however quiet; others leave memory once idle.
  const rooms = new RoomService({
    store: deps.store, clock, newId, idleMs: deps.idleMs,
    inUse: (code) => (io.of('/').adapter.rooms.get(roomNames.everyone(code))?.size ?? 0) > 0,
  });
  const sweeper = setInterval(() => rooms.cache.sweep(), Math.min(60_000, deps.idleMs ?? 60_000));
  sweeper.unref();
  // Every browser gets its device id with its first connection (docs/privacy.md: removal holds).
  io.engine.on('initial_headers', (headers: Record<string, unknown>, request: IncomingMessage) => {
    deviceOf(request, headers, request.headers['x-forwarded-proto'] === 'https' || Boolean(deps.publicUrl?.startsWith('https:')));
  });
  const broadcaster = attachSockets(io, {
    rooms,
    log: deps.log,
    clustered: Boolean(deps.adapter),
    metrics,
    clock,
    trustProxy: deps.trustProxy,
    limits: deps.limits,
    shared: deps.sharedLimits,
  });

  http.disable('x-powered-by');
  if (deps.trustProxy) http.set('trust proxy', true);
  http.use(
    helmet({
      contentSecurityPolicy: deps.dev
        ? false
        : {
            directives: {
              defaultSrc: ["'self'"],
              scriptSrc: ["'self'"],
              styleSrc: ["'self'", "'unsafe-inline'"],
              imgSrc: ["'self'", 'data:', 'blob:'],
              connectSrc: ["'self'", 'ws:', 'wss:'],
              frameSrc: ["'self'"],
              frameAncestors: ["'self'"],
              objectSrc: ["'none'"],
              baseUri: ["'self'"],
              formAction: ["'self'"],
              upgradeInsecureRequests: null,
            },
          },
      // The stage and the preview are framed only by our own console.
      frameguard: { action: 'sameorigin' },
      strictTransportSecurity: false,
      // Set below, only where a browser honours it.
      crossOriginOpenerPolicy: false,
    }),
  );
  // Browsers ignore Cross-Origin-Opener-Policy on plain HTTP away from localhost (a laptop's LAN
  // address in a venue), and say so in red on every page load: send it where it applies.
  http.use((req, res, next) => {
    if (req.secure || isLoopbackHost(req.get('host') ?? '')) res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    next();
  });
  http.use((req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      metrics.http.inc({ status: `${Math.floor(res.statusCode / 100)}xx` });
      // The path only: bodies and headers (which carry keys) are never logged.
      deps.log.debug({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'http');
    });
    next();
  });
  http.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.render());
  });
  http.use(express.json({ limit: '5mb' }));
  http.use(healthRoutes(deps.store, () => draining));
  const perMinute = deps.limits?.createsPerIpPerMinute ?? 30;
  const lan = deps.lan ?? (() => []);
  http.use(addressRoutes({ publicUrl: deps.publicUrl, lan }));
  http.use(workshopRoutes({ rooms, broadcaster, publicUrl: deps.publicUrl, lan, createsPerIp: new Limit({ burst: perMinute, perSecond: perMinute / 60 }, { ...deps.sharedLimits, name: 'creates' }), clock }));
  http.use('/api', (_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such endpoint.' } });
  });
  if (deps.apps) serveApps(http, deps.apps);
  http.use(errorHandler(deps.log));

  return {
    http,
    io,
    rooms,
    broadcaster,
    metrics,
    async shutdown() {
      draining = true;
      clearInterval(sweeper);
      const deadline = Date.now() + 10_000;
      while (rooms.busy && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      io.local.emit('farewell', { code: 'UNAVAILABLE', message: 'The server is restarting; reconnecting.' });
      broadcaster.close();
      io.local.disconnectSockets(false);
      await io.close();
      await deps.store.close();
    },
  };
}
