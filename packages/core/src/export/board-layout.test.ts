import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelRequest, type PlacedLabel, type Rect } from './board-layout.js';

const bounds: Rect = { x: 0, y: 0, w: 900, h: 900 };
const intersects = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const badge = (r: LabelRequest): Rect => ({ x: r.ax - r.mark, y: r.ay - r.mark, w: 2 * r.mark, h: 2 * r.mark });

function expectClear(requests: readonly LabelRequest[], labels: readonly (PlacedLabel | null)[], obstacles: readonly Rect[]) {
  labels.forEach((a, i) => {
    if (!a) return;
    expect(a.x).toBeGreaterThanOrEqual(bounds.x);
    expect(a.y).toBeGreaterThanOrEqual(bounds.y);
    expect(a.x + a.w).toBeLessThanOrEqual(bounds.x + bounds.w);
    expect(a.y + a.h).toBeLessThanOrEqual(bounds.y + bounds.h);
    for (const o of obstacles) expect(intersects(a, o)).toBe(false);
    labels.forEach((b, j) => {
      if (b && i !== j) expect(intersects(a, b)).toBe(false);
    });
    requests.forEach((r, j) => {
      if (i !== j || a.detached) expect(intersects(a, badge(r))).toBe(false);
    });
  });
}

describe('label layout', () => {
  it('puts a lone label with its corner on its spot', () => {
    const [label] = placeLabels([{ ax: 300, ay: 300, w: 200, h: 80, mark: 13 }], bounds, []);
    expect(label).toEqual({ x: 300, y: 300, w: 200, h: 80, detached: false });
  });

  it('turns a label away from the board edge', () => {
    const [label] = placeLabels([{ ax: 850, ay: 880, w: 200, h: 80, mark: 13 }], bounds, []);
    expect(label).toEqual({ x: 650, y: 800, w: 200, h: 80, detached: false });
  });

  it('keeps labels inside the board, clear of each other, of other badges and of obstacles', () => {
    const requests: LabelRequest[] = Array.from({ length: 9 }, (_, i) => ({ ax: 380 + (i % 3) * 30, ay: 380 + Math.floor(i / 3) * 30, w: 200, h: 80, mark: 13 }));
    const obstacle: Rect = { x: 0, y: 0, w: 300, h: 60 };
    const labels = placeLabels(requests, bounds, [obstacle]);
    expectClear(requests, labels, [obstacle]);
    expect(labels.every((l) => l !== null)).toBe(true);
    expect(labels.some((l) => l!.detached)).toBe(true);
  });

  it('leaves out the labels that find no room near their badge, and never piles them up', () => {
    const requests = Array.from({ length: 40 }, () => ({ ax: 200, ay: 200, w: 200, h: 80, mark: 13 }));
    const labels = placeLabels(requests, { x: 0, y: 0, w: 400, h: 400 }, []);
    expect(labels).toHaveLength(40);
    expect(labels.filter((l) => l === null).length).toBeGreaterThan(0);
    expect(labels.filter((l) => l !== null).length).toBeGreaterThan(0);
    expectClear(requests, labels, []);
  });
});
