import { CommandSchema } from '@leadboard/core/schema';
import type { RoomService } from '../rooms/service.js';
import type { Limit } from '../security/limits.js';
import { invalid, refusal, reply } from './ack.js';
import type { IoSocket } from './types.js';

export interface CommandDeps {
  rooms: RoomService;
  /** Commands per connection: a flood is answered RATE_LIMITED, never disconnected. */
  commandsPerSocket: Limit;
}

/** One handler for every connection of the server: a connection costs no closures of its own. */
export function commandHandler(deps: CommandDeps) {
  return async (socket: IoSocket, payload: unknown, ack: unknown) => {
    const wait = await deps.commandsPerSocket.take(socket.id);
    if (wait > 0) return reply(ack, refusal('RATE_LIMITED', 'Slow down a little.', wait));
    const { code, actor, actorKey } = socket.data;
    if (!code || !actor || !actorKey) return reply(ack, refusal('FORBIDDEN', 'Join a workshop first.'));
    const parsed = CommandSchema.safeParse(payload);
    if (!parsed.success) return reply(ack, invalid(parsed.error));
    const command = parsed.data;
    const outcome = await deps.rooms.execute(code, actor, command, `${actorKey}:${command.id}`, socket.id);
    reply(ack, outcome);
  };
}
