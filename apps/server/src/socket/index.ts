import type { Logger } from 'pino';
import type { RoomService } from '../rooms/service.js';
import { RateLimiter } from '../security/rate-limit.js';
import { reply, refusal } from './ack.js';
import { Broadcaster } from './broadcaster.js';
import { commandHandler } from './commands.js';
import { joinHandler, syncHandler } from './session.js';
import type { IoServer, IoSocket } from './types.js';

export interface SocketOptions {
  rooms: RoomService;
  log: Logger;
  clustered: boolean;
  clock?: () => number;
  /** Read the client IP from X-Forwarded-For (behind a trusted proxy). */
  trustProxy?: boolean;
  limits?: { commandsPerSecond?: number; commandBurst?: number; joinsPerIpPerSecond?: number; joinBurstPerIp?: number };
}

function clientIp(socket: IoSocket, trustProxy: boolean): string {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string' && forwarded) return forwarded.split(',')[0]!.trim();
  return socket.handshake.address;
}

/** Wire the live protocol onto a Socket.IO server: join, command and sync, and what goes back. */
export function attachSockets(io: IoServer, options: SocketOptions): Broadcaster {
  const clock = options.clock ?? Date.now;
  const broadcaster = new Broadcaster(io, options.rooms, { clustered: options.clustered, clock });
  const limits = options.limits ?? {};
  const deps = {
    rooms: options.rooms,
    broadcaster,
    clock,
    joinsPerIp: new RateLimiter(limits.joinBurstPerIp ?? 2000, limits.joinsPerIpPerSecond ?? 100, clock),
    failuresPerIp: new RateLimiter(40, 0.5, clock),
    commandsPerSocket: new RateLimiter(limits.commandBurst ?? 40, limits.commandsPerSecond ?? 20, clock),
  };
  options.rooms.setCommitListener((event) => broadcaster.onCommit(event));

  io.on('lb:commit', (code, record) => broadcaster.onRemoteCommit(code, record));
  io.on('lb:forget', (code) => options.rooms.forget(code));

  io.on('connection', (socket) => {
    socket.data.ip = clientIp(socket, options.trustProxy ?? false);
    socket.data.failedJoins = 0;
    const guard = (event: string, handler: (payload: unknown, ack: unknown) => Promise<void>) =>
      (payload: unknown, ack: unknown) => {
        handler(payload, ack).catch((error: unknown) => {
          options.log.error({ err: error, event }, 'handler failed');
          reply(ack, refusal('INTERNAL', 'Something went wrong on the server.'));
        });
      };
    socket.on('join', guard('join', joinHandler(socket, deps)));
    socket.on('command', guard('command', commandHandler(socket, deps)));
    socket.on('sync', guard('sync', syncHandler(socket, deps)));
    socket.on('disconnect', () => {
      deps.commandsPerSocket.forget(socket.id);
      if (socket.data.code && socket.data.actor?.role === 'participant') broadcaster.presenceChanged(socket.data.code);
    });
  });
  return broadcaster;
}
