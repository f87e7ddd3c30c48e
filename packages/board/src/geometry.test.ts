import { describe, expect, it } from 'vitest';
import { separate } from './geometry.js';

describe('separate', () => {
  it('moves marks apart until none covers another, and leaves lone marks where they are', () => {
    const placed = separate([{ cx: 500, cy: 500 }, { cx: 510, cy: 500 }, { cx: 500, cy: 500 }, { cx: 100, cy: 900 }], 90, 40);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        expect(Math.hypot(placed[i]!.cx - placed[j]!.cx, placed[i]!.cy - placed[j]!.cy)).toBeGreaterThanOrEqual(89.9);
      }
    }
    expect(placed[3]).toEqual({ cx: 100, cy: 900 });
    expect(separate([{ cx: 500, cy: 500 }, { cx: 510, cy: 500 }], 90, 40)).toEqual(separate([{ cx: 500, cy: 500 }, { cx: 510, cy: 500 }], 90, 40));
  });
});
