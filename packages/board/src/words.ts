import { AXES, QUADRANT_INFO, QUADRANTS } from '@leadboard/core';
import type { BoardWords } from './types.js';

/** The board's words when a screen gives none. */
export const ENGLISH_WORDS: BoardWords = {
  quadrants: { lead: QUADRANT_INFO.lead.title, both: QUADRANT_INFO.both.title, routine: QUADRANT_INFO.routine.title, manage: QUADRANT_INFO.manage.title },
  axes: { x: AXES.x.label, y: AXES.y.label },
  position: (title, management, leadership) => `${title}. Management ${management}, leadership ${leadership}.`,
  keys: 'Use the arrow keys to move, Enter to place your dot.',
};

/**
 * The board's words in the language on screen: the quadrant names and axis labels from core's
 * workshop content, the read-outs from the app's own catalogue (`own`).
 */
export function boardWords(t: (key: string) => string, own: Pick<BoardWords, 'position' | 'keys'>): BoardWords {
  return {
    quadrants: Object.fromEntries(QUADRANTS.map((q) => [q, t(`content.quadrant.${q}.title`)])) as BoardWords['quadrants'],
    axes: { x: t('content.axis.x.label'), y: t('content.axis.y.label') },
    ...own,
  };
}
