import { computed, type ComputedRef } from 'vue';
import { useRoomStore } from '../stores/room.js';
import { placementCards } from '../lib/board-data.js';

/**
 * Past this many cards on the board, text cards cover each other on a projector: the stage draws
 * each placement as a chip with its card number, in its team's colour, and lists the numbers
 * beside the board.
 */
export const MARKS_FROM = 11;

export interface StageMarks {
  /** The board is drawn as numbered marks. */
  marked: ComputedRef<boolean>;
  /** Card numbers as the phones and the exports show them: the order of the visible cards. */
  numbers: ComputedRef<Map<string, number>>;
}

export function useStageMarks(): StageMarks {
  const room = useRoomStore();
  const numbers = computed(() => new Map(room.visible.map((s, i) => [s.id, i + 1])));
  const marked = computed(() => (room.view ? placementCards(room.view).length >= MARKS_FROM : false));
  return { marked, numbers };
}
