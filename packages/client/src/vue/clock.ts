import { computed, onScopeDispose, ref, type Ref } from 'vue';
import { isInputLocked, timerRemainingMs, type Timer } from '@leadboard/core';
import type { RoomMirror } from '../mirror.js';

/** This device's time, refreshed every `everyMs` while the calling component or store lives. */
export function useNow(everyMs = 500): Ref<number> {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), everyMs);
  onScopeDispose(() => clearInterval(timer));
  return now;
}

/** Whether the browser believes it has a network at all; it knows before a socket does. */
export function useOnline(): Ref<boolean> {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
  const update = () => (online.value = navigator.onLine);
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  onScopeDispose(() => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  });
  return online;
}

export type TimerStatus = Timer['status'] | 'done';

export interface TimerReading {
  /** The server's clock, as well as this device can tell. */
  serverNow: number;
  timer: Timer | null;
  /** Milliseconds left on the room's timer. */
  left: number;
  /** Input is locked: the timer ran out and the facilitator has not unlocked it. */
  locked: boolean;
  status: TimerStatus;
  /** 0..1 of the duration still left. */
  fraction: number;
}

/** What the room's timer shows at this device's time `now`, counted on the server's clock. */
export function readTimer(mirror: Pick<RoomMirror, 'view' | 'clockOffset'>, now: number): TimerReading {
  const serverNow = now + mirror.clockOffset;
  const meta = mirror.view?.meta ?? null;
  const timer = meta?.timer ?? null;
  const left = timer ? timerRemainingMs(timer, serverNow) : 0;
  const locked = meta ? isInputLocked(meta, serverNow) : false;
  const total = timer?.durationMs ?? 0;
  return { serverNow, timer, left, locked, status: locked ? 'done' : (timer?.status ?? 'idle'), fraction: total > 0 ? Math.min(1, left / total) : 0 };
}

/** The room's clock and timer as every screen shows them, ticking every `everyMs` while the caller lives. */
export function useRoomTimer(mirror: RoomMirror, everyMs = 500) {
  const now = useNow(everyMs);
  const reading = computed(() => readTimer(mirror, now.value));
  return {
    now,
    serverNow: computed(() => reading.value.serverNow),
    timer: computed(() => reading.value.timer),
    left: computed(() => reading.value.left),
    locked: computed(() => reading.value.locked),
    status: computed(() => reading.value.status),
    fraction: computed(() => reading.value.fraction),
  };
}
