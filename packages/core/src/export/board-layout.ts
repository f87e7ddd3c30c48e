export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  /** The exact spot the label describes (drawn as a badge, which the label's corner may touch). */
  ax: number;
  ay: number;
  w: number;
  h: number;
  /** Radius of the badge drawn at the spot. */
  mark: number;
}

export interface PlacedLabel extends Rect {
  /** True when the label sits away from its spot and needs a leader line. */
  detached: boolean;
}

const GAP = 4;
const RING_STEP = 14;
// Far enough to step around a neighbour, near enough that a label still reads as its badge's.
const RINGS = 9;
const DIRECTIONS = 16;

/** Closer than GAP counts as touching. */
function touches(a: Rect, b: Rect): boolean {
  return Math.min(a.x + a.w, b.x + b.w) + GAP > Math.max(a.x, b.x) && Math.min(a.y + a.h, b.y + b.h) + GAP > Math.max(a.y, b.y);
}

function clampInto(r: Rect, bounds: Rect): Rect {
  return {
    ...r,
    x: Math.min(Math.max(r.x, bounds.x), bounds.x + bounds.w - r.w),
    y: Math.min(Math.max(r.y, bounds.y), bounds.y + bounds.h - r.h),
  };
}

/** Where a label may go: first with a corner on its spot, then on widening rings around it. */
function candidates(req: LabelRequest): { rect: Rect; detached: boolean }[] {
  const { ax, ay, w, h } = req;
  const out = [
    { rect: { x: ax, y: ay, w, h }, detached: false },
    { rect: { x: ax - w, y: ay, w, h }, detached: false },
    { rect: { x: ax, y: ay - h, w, h }, detached: false },
    { rect: { x: ax - w, y: ay - h, w, h }, detached: false },
  ];
  for (let ring = 1; ring <= RINGS; ring++) {
    const d = ring * RING_STEP + Math.max(w, h) / 2;
    for (let k = 0; k < DIRECTIONS; k++) {
      const angle = (2 * Math.PI * k) / DIRECTIONS;
      out.push({ rect: { x: ax + d * Math.cos(angle) - w / 2, y: ay + d * Math.sin(angle) - h / 2, w, h }, detached: true });
    }
  }
  return out;
}

function markRect(req: LabelRequest): Rect {
  return { x: req.ax - req.mark, y: req.ay - req.mark, w: 2 * req.mark, h: 2 * req.mark };
}

/**
 * Deterministic label placement: each label takes the first candidate spot, inside the bounds,
 * that covers no fixed obstacle (quadrant titles), no other badge and no label placed before it.
 * A label with no free spot near its badge is left out (null): on a crowded board the badge's
 * number alone is more legible than cards piled on each other.
 */
export function placeLabels(requests: readonly LabelRequest[], bounds: Rect, fixed: readonly Rect[]): (PlacedLabel | null)[] {
  const marks = requests.map(markRect);
  const placed: PlacedLabel[] = [];
  return requests.map((req, index) => {
    for (const { rect, detached } of candidates(req)) {
      const r = clampInto(rect, bounds);
      const moved = detached || r.x !== rect.x || r.y !== rect.y;
      // Its own badge may sit on the label's corner, but a label moved away must not cover it.
      const blocked =
        fixed.some((o) => touches(r, o)) ||
        placed.some((p) => touches(r, p)) ||
        marks.some((m, i) => (i !== index || moved) && touches(r, m));
      if (!blocked) {
        const label = { ...r, detached: moved };
        placed.push(label);
        return label;
      }
    }
    return null;
  });
}

/** Where a leader line from a spot meets a label's edge. */
export function nearestPoint(r: Rect, x: number, y: number): { x: number; y: number } {
  return { x: Math.min(Math.max(x, r.x), r.x + r.w), y: Math.min(Math.max(y, r.y), r.y + r.h) };
}
