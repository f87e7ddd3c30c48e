import { describe, expect, it } from 'vitest';
import { arrowsFor, edgeDistance, layoutCards, layoutRoomMarks } from './layout.js';
import type { BoardCard } from './types.js';

const card = (id: string, x: number, y: number, extra: Partial<BoardCard> = {}): BoardCard => ({ id, x, y, label: id, title: id, color: '#123456', ...extra });
const at = (c: BoardCard) => c;

describe('board layout', () => {
  it('keeps a stage card with its text inside the frame near an edge', () => {
    const [d] = layoutCards([card('1', 1, 0)], at, 'stage', 1);
    expect(d!.at.cx + d!.width / 2).toBeLessThanOrEqual(1000);
    expect(d!.at.cy - d!.height / 2).toBeGreaterThanOrEqual(0);
  });

  it('moves marks on the same spot apart and keeps a line to the true spot', () => {
    const drawn = layoutCards([card('1', 0.5, 0.5), card('2', 0.5, 0.5)], at, 'marks', 1);
    expect(Math.hypot(drawn[0]!.at.cx - drawn[1]!.at.cx, drawn[0]!.at.cy - drawn[1]!.at.cy)).toBeGreaterThanOrEqual(2 * 34);
    expect(drawn.some((d) => d.spot !== null)).toBe(true);
  });

  it('ends a moved card’s arrow at the edge of its chip, not under it', () => {
    const drawn = layoutCards([card('1', 0.8, 0.5, { from: { x: 0.2, y: 0.5 } })], at, 'phone', 1);
    const [arrow] = arrowsFor(drawn, 'phone', 1);
    expect(arrow!.x1).toBeCloseTo(200);
    expect(arrow!.x2).toBeCloseTo(800 - 44 - 6);
    expect(arrowsFor(layoutCards([card('2', 0.5, 0.5)], at, 'phone', 1), 'phone', 1)).toEqual([]);
  });

  it('measures a box’s edge in the arrow’s direction', () => {
    expect(edgeDistance(1, 0, 100, 20)).toBeCloseTo(100);
    expect(edgeDistance(0, 1, 100, 20)).toBeCloseTo(20);
  });

  it('separates the room’s marks that would cover each other', () => {
    const marks = layoutRoomMarks([{ id: 'a', x: 0.5, y: 0.5, label: '1', spread: 0, title: 'a' }, { id: 'b', x: 0.5, y: 0.5, label: '2', spread: 0, title: 'b' }]);
    expect(marks.filter((m) => m.moved).length).toBeGreaterThan(0);
  });
});
