import { writePart, type AckError, type Progress, type RoomView, type You } from '@leadboard/core';
import type { ConnectionState, SessionSink } from './session.js';

/** Everything a screen shows about its room. Make it reactive (Vue's `reactive`) and hand it to `mirrorSink`. */
export interface RoomMirror {
  view: RoomView | null;
  seq: number;
  you: You | null;
  progress: Progress | null;
  online: string[];
  connection: ConnectionState;
  /** Why the session ended, or null. */
  error: AckError | null;
  /** Commands not yet acknowledged. */
  pending: number;
  /** Server clock minus this device's, for timers. */
  clockOffset: number;
  /** When the workshop's data expires (epoch ms), from the last snapshot. */
  expiresAt: number | null;
}

export function emptyMirror(): RoomMirror {
  return { view: null, seq: -1, you: null, progress: null, online: [], connection: 'connecting', error: null, pending: 0, clockOffset: 0, expiresAt: null };
}

/** A sink that keeps a mirror current, applying snapshots and changes through core. */
export function mirrorSink(mirror: RoomMirror): SessionSink {
  return {
    snapshot(snapshot, you) {
      mirror.view = snapshot.view;
      mirror.seq = snapshot.seq;
      mirror.you = you;
      mirror.progress = snapshot.progress;
      mirror.clockOffset = snapshot.serverNow - Date.now();
      mirror.expiresAt = snapshot.expiresAt;
    },
    changes(changes, seq) {
      const view = mirror.view;
      if (!view) return;
      for (const [key, value] of changes) writePart(view, key, value);
      if (seq !== null) mirror.seq = seq;
    },
    progress(progress) {
      mirror.progress = progress;
    },
    presence(online) {
      mirror.online = online;
    },
    connection(state, error) {
      mirror.connection = state;
      if (error) mirror.error = error;
      else if (state === 'live') mirror.error = null;
    },
    pending(count) {
      mirror.pending = count;
    },
  };
}
