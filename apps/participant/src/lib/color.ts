/** Cards shared by the whole room (the deck, the facilitator's list) are drawn in this colour. */
export const SHARED_COLOR = '#4b5563';
