import { describe, expect, it } from 'vitest';
import { teamMark } from './teamMark.js';

describe('teamMark', () => {
  it.each([
    ['Team 3', 2, '3'],
    ['Team 12', 11, '12'],
    ['owls', 0, 'O'],
    ['Ænigma', 0, 'Æ'],
    ['🦉 Owls', 0, '🦉'],
    ['   ', 4, '5'],
  ])('%s → %s', (name, order, mark) => {
    expect(teamMark({ name, order })).toBe(mark);
  });
});
