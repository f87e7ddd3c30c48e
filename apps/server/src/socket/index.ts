import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { RULES, type Ack } from '@leadboard/core';
import type { Metrics } from '../metrics.js';
import type { RoomService } from '../rooms/service.js';
import { deviceHash, deviceOf } from '../security/device.js';
import { Limit, type LimitOptions } from '../security/limits.js';
import { newToken } from '../security/tokens.js';
import { reply, refusal } from './ack.js';
import { Broadcaster } from './broadcaster.js';
import { commandHandler } from './commands.js';
import { joinHandler, syncHandler } from './session.js';
import type { IoServer, IoSocket } from './types.js';

export interface SocketOptions {
  rooms: RoomService;
  log: Logger;
  clustered: boolean;
  metrics: Metrics;
  clock?: () => number;
  /** Read the client IP from X-Forwarded-For (behind a trusted proxy). */
  trustProxy?: boolean;
  limits?: {
    commandsPerSecond?: number;
    commandBurst?: number;
    joinsPerIpPerSecond?: number;
    joinBurstPerIp?: number;
    failedJoinsPerIpPerSecond?: number;
    failedJoinBurstPerIp?: number;
  };
  /** Where per-IP limits are counted, shared by every process (docs/reliability.md); else in this process. */
  shared?: Omit<LimitOptions, 'name'>;
}

const KNOWN_EVENTS = new Set(['join', 'command', 'sync']);

/**
 * Socket.IO hands the acknowledgement over as the last argument, however many came before it: a
 * client that sent an extra argument still gets its answer (a refusal), never silence.
 */
export function splitArguments(args: unknown[]): { payload: unknown; ack: unknown; extra: boolean } {
  const last = args[args.length - 1];
  if (typeof last !== 'function') return { payload: args[0], ack: undefined, extra: args.length > 1 };
  const before = args.slice(0, -1);
  return { payload: before[0], ack: last, extra: before.length > 1 };
}

function clientIp(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string' && forwarded) return forwarded.split(',')[0]!.trim();
  return request.socket.remoteAddress ?? '';
}

/** What a connection keeps of the HTTP request that opened it. */
interface Opening {
  ip: string;
  device: string;
}

/** Wire the live protocol onto a Socket.IO server: join, command and sync, and what goes back. */
export function attachSockets(io: IoServer, options: SocketOptions): Broadcaster {
  const clock = options.clock ?? Date.now;
  const broadcaster = new Broadcaster(io, options.rooms.cache, { clustered: options.clustered, clock });
  const limits = options.limits ?? {};
  const deps = {
    rooms: options.rooms,
    broadcaster,
    clock,
    joinsPerIp: new Limit({ burst: limits.joinBurstPerIp ?? 2000, perSecond: limits.joinsPerIpPerSecond ?? 100 }, { ...options.shared, name: 'joins' }),
    // Generous: a venue of a thousand phones shares one IP, and people mistype codes.
    failuresPerIp: new Limit({ burst: limits.failedJoinBurstPerIp ?? 200, perSecond: limits.failedJoinsPerIpPerSecond ?? 2 }, { ...options.shared, name: 'failed-joins' }),
    // A connection lives on one process: counted there.
    commandsPerSocket: new Limit({ burst: limits.commandBurst ?? 40, perSecond: limits.commandsPerSecond ?? 20 }, { name: 'commands' }),
  };
  options.rooms.events.on((event) => broadcaster.advanced(event));

  io.on('lb:commit', (code, record) => options.rooms.intake.take(code, record));
  io.on('lb:forget', (code) => options.rooms.cache.forget(code));

  const { metrics } = options;
  const record = (event: string, payload: unknown, result: Ack, started: number) => {
    const outcome = result.ok ? 'ok' : result.error.code;
    if (!result.ok) metrics.refusals.inc({ event, code: result.error.code });
    if (event === 'command') {
      const type = typeof payload === 'object' && payload !== null && 'type' in payload ? String(payload.type) : '';
      metrics.commands.inc({ type: type in RULES ? type : 'invalid', outcome });
      metrics.commandSeconds.observe((performance.now() - started) / 1000);
    } else if (event === 'join') {
      const role = typeof payload === 'object' && payload !== null && 'role' in payload ? String(payload.role) : '';
      metrics.joins.inc({ role: ['participant', 'facilitator', 'stage'].includes(role) ? role : 'invalid', outcome });
    }
  };

  // A connection reads what it needs of its opening request once, then lets the request go: each
  // one otherwise keeps its headers and socket objects for as long as it lives.
  const openings = new WeakMap<object, Opening>();
  io.engine.on('connection', (raw: { request: IncomingMessage | null }) => {
    if (!raw.request) return;
    openings.set(raw, { ip: clientIp(raw.request, options.trustProxy ?? false), device: deviceHash(deviceOf(raw.request)) });
    raw.request = null;
  });

  /**
   * Listeners shared by every connection (Socket.IO calls them with the socket as `this`): a
   * connection costs its own objects only, not a set of closures for each event.
   */
  const guard = (event: string, handler: (socket: IoSocket, payload: unknown, ack: unknown) => Promise<void>) =>
    function (this: IoSocket, ...args: unknown[]) {
      const started = performance.now();
      const { payload, ack, extra } = splitArguments(args);
      const answer = (result: Ack) => {
        record(event, payload, result, started);
        reply(ack, result);
      };
      if (extra) return answer(refusal('INVALID', `${event}: send one payload and an acknowledgement, nothing more.`));
      handler(this, payload, answer).catch((error: unknown) => {
        options.log.error({ err: error, event }, 'handler failed');
        answer(refusal('INTERNAL', 'Something went wrong on the server.'));
      });
    };
  const onJoin = guard('join', joinHandler(deps));
  const onCommand = guard('command', commandHandler(deps));
  const onSync = guard('sync', syncHandler(deps));
  const onUnknown = (event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && KNOWN_EVENTS.has(event)) return;
    reply(splitArguments(args).ack, refusal('INVALID', `Unknown event "${String(event).slice(0, 40)}".`));
  };
  function onDisconnect(this: IoSocket) {
    metrics.connections.dec();
    void deps.commandsPerSocket.forget(this.id);
    if (this.data.code && this.data.actor?.role === 'participant') broadcaster.presenceChanged(this.data.code);
  }

  io.on('connection', (socket) => {
    const opening = openings.get(socket.conn);
    socket.data.ip = opening?.ip ?? socket.handshake.address;
    // Every connection has its opening read; should one not, it counts as a browser never seen before.
    socket.data.device = opening?.device ?? deviceHash(newToken());
    socket.data.failedJoins = 0;
    metrics.connections.inc();
    socket.on('join', onJoin);
    socket.on('command', onCommand);
    socket.on('sync', onSync);
    socket.onAny(onUnknown);
    socket.on('disconnect', onDisconnect);
  });
  return broadcaster;
}
