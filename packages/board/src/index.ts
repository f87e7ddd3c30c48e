export { default as Board } from './Board.vue';
export { default as CardNumber } from './CardNumber.vue';
export type { BoardCard, BoardDot, BoardCloud, BoardRoomMark, BoardLink, BoardWords } from './types.js';
export { SIZE, toSvg, fromSvg, wrap, nudge, percent } from './geometry.js';
export { inkOn } from './color.js';
export { boardWords } from './words.js';
export { teamMark } from './teamMark.js';
