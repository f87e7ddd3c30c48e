import express from 'express';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Logger } from 'pino';
import { errorHandler } from './http/errors.js';
import { healthRoutes } from './http/health.js';
import { serveApps, type AppDirs } from './http/static.js';
import { workshopRoutes } from './http/workshops.js';
import { RoomService } from './rooms/service.js';
import { RateLimiter } from './security/rate-limit.js';
import { newId } from './security/tokens.js';
import { attachSockets, type SocketOptions } from './socket/index.js';
import type { IoServer } from './socket/types.js';
import type { RoomStore } from './store/types.js';

export interface AppDeps {
  store: RoomStore;
  log: Logger;
  /** A Socket.IO adapter factory shared by every server process (Redis Streams), or none for one process. */
  adapter?: Parameters<Server['adapter']>[0];
  apps?: AppDirs;
  publicUrl?: string;
  trustProxy?: boolean;
  /** Origins allowed to open a socket besides the server's own. */
  allowedOrigins?: string[];
  clock?: () => number;
  limits?: SocketOptions['limits'] & { createsPerIpPerMinute?: number };
}

export interface App {
  http: express.Express;
  io: IoServer;
  rooms: RoomService;
  /** Stop taking work, let queued commands finish, tell clients to reconnect elsewhere, close. */
  shutdown(): Promise<void>;
}

/** Wiring only: HTTP routes, the socket protocol and the room service around one store. */
export function createApp(httpServer: HttpServer, deps: AppDeps): App {
  const clock = deps.clock ?? Date.now;
  const rooms = new RoomService({ store: deps.store, clock, newId });
  let draining = false;

  // Express must listen before Socket.IO attaches: Socket.IO then keeps /socket.io/ requests to itself.
  const http = express();
  httpServer.on('request', http);
  const io: IoServer = new Server(httpServer, {
    maxHttpBufferSize: 32 * 1024,
    pingInterval: 20_000,
    pingTimeout: 25_000,
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
  const broadcaster = attachSockets(io, {
    rooms,
    log: deps.log,
    clustered: Boolean(deps.adapter),
    clock,
    trustProxy: deps.trustProxy,
    limits: deps.limits,
  });

  http.disable('x-powered-by');
  if (deps.trustProxy) http.set('trust proxy', true);
  http.use(express.json({ limit: '5mb' }));
  http.use(healthRoutes(deps.store, () => draining));
  const perMinute = deps.limits?.createsPerIpPerMinute ?? 30;
  http.use(workshopRoutes({ rooms, broadcaster, publicUrl: deps.publicUrl, createsPerIp: new RateLimiter(perMinute, perMinute / 60, clock), clock }));
  http.use('/api', (_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such endpoint.' } });
  });
  if (deps.apps) serveApps(http, deps.apps);
  http.use(errorHandler(deps.log));

  return {
    http,
    io,
    rooms,
    async shutdown() {
      draining = true;
      const deadline = Date.now() + 10_000;
      while (rooms.busy && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      io.local.emit('farewell', { code: 'UNAVAILABLE', message: 'The server is restarting; reconnecting.' });
      broadcaster.close();
      io.local.disconnectSockets(false);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await deps.store.close();
    },
  };
}
