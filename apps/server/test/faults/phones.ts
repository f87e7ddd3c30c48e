import { io } from 'socket.io-client';
import { LiveSession, MemoryStorage, emptyMirror, mirrorSink, type ClientSocket, type RoomMirror } from '@leadboard/client';

export interface Phone {
  session: LiveSession;
  mirror: RoomMirror;
  storage: MemoryStorage;
}

/** A phone as the apps run it: the real client session over WebSocket, keeping a mirror of the room. */
export function phone(url: string, code: string, name: string, storage = new MemoryStorage()): Phone {
  const mirror = emptyMirror();
  const socket: ClientSocket = io(url, { transports: ['websocket'], autoConnect: false, reconnectionDelay: 200, reconnectionDelayMax: 1000 });
  const session = new LiveSession({ code, role: 'participant', name, storage, sink: mirrorSink(mirror), socket, ackTimeoutMs: 4000 });
  session.start();
  return { session, mirror, storage };
}

export async function until(check: () => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
