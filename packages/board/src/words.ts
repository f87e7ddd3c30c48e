import { AXES, QUADRANT_INFO } from '@leadboard/core';
import type { BoardWords } from './types.js';

/** The board's words when a screen gives none. */
export const ENGLISH_WORDS: BoardWords = {
  quadrants: { lead: QUADRANT_INFO.lead.title, both: QUADRANT_INFO.both.title, routine: QUADRANT_INFO.routine.title, manage: QUADRANT_INFO.manage.title },
  axes: { x: AXES.x.label, y: AXES.y.label },
  position: (title, management, leadership) => `${title}. Management ${management}, leadership ${leadership}.`,
  keys: 'Use the arrow keys to move, Enter to place your dot.',
};
