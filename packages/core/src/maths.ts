import type { Quadrant } from './constants.js';
import type { Point } from './types.js';

export const THRESHOLD = 0.5;

export function quadrant(point: Point): Quadrant {
  const manage = point.x >= THRESHOLD;
  const lead = point.y >= THRESHOLD;
  if (manage && lead) return 'both';
  if (manage) return 'manage';
  if (lead) return 'lead';
  return 'routine';
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/**
 * A sum that does not depend on the order of its terms: the same votes give the same figures on
 * every screen, whatever order a view happens to hold them in (floating-point addition is not
 * associative, and a mean of exactly 0.5 must not read 0.49999999999999994 on one screen).
 * Positions are kept to four decimals (BoardCoordinate), so they are summed exactly in ten-
 * thousandths; anything finer is summed smallest first.
 */
function orderFreeSum(values: number[]): number {
  let ticks = 0;
  for (const value of values) {
    const tick = Math.round(value * 10_000);
    if (Math.abs(tick - value * 10_000) > 1e-6) return sortedSum(values);
    ticks += tick;
  }
  return ticks / 10_000;
}

function sortedSum(values: number[]): number {
  values.sort((a, b) => a - b);
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
}

export function mean(points: readonly Point[]): Point | null {
  if (points.length === 0) return null;
  return { x: orderFreeSum(points.map((p) => p.x)) / points.length, y: orderFreeSum(points.map((p) => p.y)) / points.length };
}

/** How scattered a cloud is: the root-mean-square distance of its points from their mean. */
export function spread(points: readonly Point[]): number {
  const centre = mean(points);
  if (!centre || points.length < 2) return 0;
  return Math.sqrt(sortedSum(points.map((p) => (p.x - centre.x) ** 2 + (p.y - centre.y) ** 2)) / points.length);
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
