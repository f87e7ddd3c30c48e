import { MemoryStorage } from '@leadboard/client';
import { FakeServer, type FakeSession } from '@leadboard/client/testing';
import type { Workshop } from '@leadboard/core/testkit';
import { useRoomStore } from '../stores/room.js';

/**
 * The room store connected to a FakeServer: with a workshop, it joins with that workshop's snapshot
 * and hears every change the test makes through `server.run`; without one, the test drives the session.
 */
export function connectedRoom(workshop: Workshop | null = null, role: 'facilitator' | 'stage' = 'facilitator') {
  const server = new FakeServer(workshop);
  const room = useRoomStore();
  room.connect({ code: 'ABC234', role, token: 'key', storage: new MemoryStorage(), createSession: server.connect });
  const session: FakeSession = server.session!;
  return { server, session, room };
}
