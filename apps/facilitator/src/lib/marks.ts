import { computed, type ComputedRef } from 'vue';
import { useRoomStore } from '../stores/room.js';
import { placementCards } from './board-data.js';

/**
 * Past this many cards on the board, text cards cover each other: the stage, the console and the
 * report draw each placement as a chip with its card number, in its team's colour, and list what
 * the numbers stand for beside or below the board.
 */
export const MARKS_FROM = 11;

export interface BoardMarks {
  /** The board is drawn as numbered marks. */
  marked: ComputedRef<boolean>;
  /** Card numbers as the phones and the exports show them: each card's own number, given once. */
  numbers: ComputedRef<Map<string, number>>;
}

export function useBoardMarks(): BoardMarks {
  const room = useRoomStore();
  const numbers = computed(() => room.numbers);
  const marked = computed(() => (room.view ? placementCards(room.view).length >= MARKS_FROM : false));
  return { marked, numbers };
}
