import { computed } from 'vue';
import { useRoomStore } from '../stores/room.js';
import { clock } from '../lib/format.js';
import { useNow } from './useNow.js';

/** The shared timer as every screen shows it: counted down on the server's clock. */
export function useTimer() {
  const room = useRoomStore();
  const now = useNow(200);
  const timer = computed(() => room.meta?.timer ?? null);
  const left = computed(() => room.timerLeft(now.value));
  const locked = computed(() => room.locked(now.value));
  const status = computed(() => (locked.value ? 'done' : (timer.value?.status ?? 'idle')));
  const text = computed(() => clock(left.value));
  /** 0..1 of the duration still left. */
  const fraction = computed(() => {
    const total = timer.value?.durationMs ?? 0;
    return total > 0 ? Math.min(1, left.value / total) : 0;
  });
  return { timer, left, locked, status, text, fraction };
}
