import { isValidCode, REMOVED_MESSAGE, viewToWire, type Actor, type Audience, type RoomState, type Snapshot } from '@leadboard/core';
import { viewOf } from '../rooms/views.js';
import { JoinSchema, SyncSchema } from '@leadboard/core/schema';
import type { RoomService } from '../rooms/service.js';
import { hashToken, newToken } from '../security/tokens.js';
import type { Limit } from '../security/limits.js';
import { StoreUnavailableError } from '../store/types.js';
import type { Broadcaster } from './broadcaster.js';
import { invalid, refusal, reply } from './ack.js';
import { isSharedRoom, roomNames, sharedRoom } from './names.js';
import type { IoSocket } from './types.js';

export interface SessionDeps {
  rooms: RoomService;
  broadcaster: Broadcaster;
  /** Every join attempt, per client IP: generous, a venue shares one IP. */
  joinsPerIp: Limit;
  /** Failed join attempts (unknown code, wrong key), per client IP: guessing is slow. */
  failuresPerIp: Limit;
  clock: () => number;
}

/** A connection stops being able to guess after this many failed joins in a row. */
export const MAX_FAILED_JOINS_PER_SOCKET = 8;

export async function snapshotFor(deps: SessionDeps, code: string, audience: Audience): Promise<{ snapshot: Snapshot; state: RoomState } | null> {
  const room = await deps.rooms.fresh(code);
  if (!room) return null;
  const state = room.state;
  const snapshot: Snapshot = {
    seq: room.seq,
    view: viewToWire(viewOf(state, audience)),
    progress: deps.broadcaster.progressFor(code, state),
    serverNow: deps.clock(),
    expiresAt: deps.clock() + deps.rooms.ttlSeconds(state) * 1000,
  };
  if (audience.kind === 'facilitator') snapshot.online = await deps.broadcaster.online(code).catch(() => []);
  return { snapshot, state };
}

/** Put a participant's socket in the room of their team (or the teamless one), and in no other. */
async function settleRoom(socket: IoSocket, code: string, teamId: string | null): Promise<void> {
  const wanted = sharedRoom(code, teamId);
  for (const name of socket.rooms) if (name !== wanted && isSharedRoom(code, name)) await socket.leave(name);
  await socket.join(wanted);
}

/** One handler for every connection of the server: a connection costs no closures of its own. */
export function joinHandler(deps: SessionDeps) {
  const failed = (socket: IoSocket, message: string, code: 'NOT_FOUND' | 'FORBIDDEN') => {
    socket.data.failedJoins++;
    void deps.failuresPerIp.take(socket.data.ip);
    return refusal(code, message);
  };

  return async (socket: IoSocket, payload: unknown, ack: unknown) => {
    const wait = Math.max(await deps.joinsPerIp.take(socket.data.ip), await deps.failuresPerIp.peek(socket.data.ip));
    if (wait > 0 || socket.data.failedJoins >= MAX_FAILED_JOINS_PER_SOCKET) {
      return reply(ack, refusal('RATE_LIMITED', 'Too many attempts; wait a moment and try again.', Math.max(wait, 30_000)));
    }
    const parsed = JoinSchema.safeParse(payload);
    if (!parsed.success) return reply(ack, invalid(parsed.error));
    const request = parsed.data;
    const code = request.code;
    try {
      let room = isValidCode(code) ? await deps.rooms.open(code) : null;
      if (!room) return reply(ack, failed(socket, `No workshop has the code ${code}. Check the code on the screen.`, 'NOT_FOUND'));

      let actor: Actor;
      let audience: Audience;
      let issuedToken: string | null = null;
      if (request.role === 'participant' && !request.token) {
        if (!request.name) return reply(ack, refusal('INVALID', 'name: tell the room who you are'));
        issuedToken = newToken();
        const joined = await deps.rooms.join(code, { name: request.name, tokenHash: hashToken(issuedToken), deviceHash: socket.data.device });
        if (!joined.ok) return reply(ack, joined);
        const participantId = String(joined.result.participantId);
        actor = { role: 'participant', participantId };
        audience = { kind: 'participant', participantId };
      } else {
        const hash = hashToken(request.token!);
        let entry = room.state.auth[hash];
        if (!entry) {
          room = await deps.rooms.fresh(code);
          entry = room?.state.auth[hash];
        }
        if (!room || !entry || entry.role !== request.role) {
          const what = request.role === 'participant' ? 'This saved identity belongs to another workshop.' : 'This link is not valid for this workshop.';
          return reply(ack, failed(socket, what, 'FORBIDDEN'));
        }
        if (entry.role === 'participant') {
          const participant = room.state.participants[entry.participantId!]!;
          if (participant.status === 'removed') return reply(ack, refusal('REMOVED', REMOVED_MESSAGE));
          if (participant.status === 'left') return reply(ack, refusal('LEFT', 'You left this workshop; join again to take part.'));
          actor = { role: 'participant', participantId: participant.id };
          audience = { kind: 'participant', participantId: participant.id };
        } else if (entry.role === 'facilitator') {
          actor = { role: 'facilitator' };
          audience = { kind: 'facilitator' };
        } else {
          actor = { role: 'stage' };
          audience = { kind: 'stage' };
        }
      }

      socket.data.failedJoins = 0;
      const previous = socket.data.code;
      if (previous) for (const name of socket.rooms) if (name !== socket.id) void socket.leave(name);
      socket.data.code = code;
      socket.data.actor = actor;
      socket.data.audience = audience;
      socket.data.actorKey = actor.role === 'participant' ? actor.participantId : actor.role;
      // Join the broadcast rooms before taking the snapshot, so no change falls between the two. A
      // participant hears the room in their team's room, read from the snapshot's own state (no
      // change can be sent between taking it and joining): a later move between teams moves the
      // socket, as the broadcaster tells the participant's room.
      const names = [roomNames.everyone(code)];
      if (audience.kind === 'facilitator') names.push(roomNames.facilitator(code));
      else if (audience.kind === 'participant') names.push(roomNames.participant(code, audience.participantId));
      else names.push(roomNames.stage(code));
      await socket.join(names);
      const taken = await snapshotFor(deps, code, audience);
      if (!taken) return reply(ack, refusal('NOT_FOUND', 'This workshop no longer exists.'));
      const { snapshot, state } = taken;
      if (audience.kind === 'participant') await settleRoom(socket, code, state.participants[audience.participantId]?.teamId ?? null);
      if (actor.role === 'participant') deps.broadcaster.presenceChanged(code);
      const id = actor.role === 'participant' ? actor.participantId : null;
      reply(ack, { ok: true, you: { role: request.role, id, token: issuedToken }, snapshot });
    } catch (error) {
      if (error instanceof StoreUnavailableError) return reply(ack, refusal('UNAVAILABLE', 'The workshop store is not reachable; retrying.', 1000));
      throw error;
    }
  };
}

export function syncHandler(deps: SessionDeps) {
  return async (socket: IoSocket, payload: unknown, ack: unknown) => {
    const parsed = SyncSchema.safeParse(payload ?? {});
    if (!parsed.success) return reply(ack, invalid(parsed.error));
    const { code, audience } = socket.data;
    if (!code || !audience) return reply(ack, refusal('FORBIDDEN', 'Join a workshop first.'));
    try {
      const taken = await snapshotFor(deps, code, audience);
      if (!taken) return reply(ack, refusal('NOT_FOUND', 'This workshop no longer exists.'));
      // A participant's socket hears the room where the snapshot says their team is.
      if (audience.kind === 'participant') await settleRoom(socket, code, taken.state.participants[audience.participantId]?.teamId ?? null);
      reply(ack, { ok: true, snapshot: taken.snapshot });
    } catch (error) {
      if (error instanceof StoreUnavailableError) return reply(ack, refusal('UNAVAILABLE', 'The workshop store is not reachable; retrying.', 1000));
      throw error;
    }
  };
}
