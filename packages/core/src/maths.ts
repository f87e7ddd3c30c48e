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

export function mean(points: readonly Point[]): Point | null {
  if (points.length === 0) return null;
  let x = 0;
  let y = 0;
  for (const point of points) {
    x += point.x;
    y += point.y;
  }
  return { x: x / points.length, y: y / points.length };
}

/** How scattered a cloud is: the root-mean-square distance of its points from their mean. */
export function spread(points: readonly Point[]): number {
  const centre = mean(points);
  if (!centre || points.length < 2) return 0;
  let sum = 0;
  for (const point of points) sum += (point.x - centre.x) ** 2 + (point.y - centre.y) ** 2;
  return Math.sqrt(sum / points.length);
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
