import { clamp01, type Point } from '@leadboard/core';

/** The board is drawn in a 1000-unit square; positions stay numbers in 0..1 everywhere else. */
export const SIZE = 1000;

/** Board coordinates (y up) to SVG units (y down). */
export function toSvg(point: Point): { cx: number; cy: number } {
  return { cx: point.x * SIZE, cy: (1 - point.y) * SIZE };
}

export function fromSvg(cx: number, cy: number): Point {
  return { x: round2(clamp01(cx / SIZE)), y: round2(clamp01(1 - cy / SIZE)) };
}

function round2(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A screen position inside an SVG element, as a board point. */
export function pointFromEvent(svg: SVGSVGElement, clientX: number, clientY: number): Point | null {
  const matrix = svg.getScreenCTM();
  if (!matrix) return null;
  const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
  return fromSvg(p.x, p.y);
}

/** Move a point by a keyboard step, staying on the board. */
export function nudge(point: Point, key: string, step: number): Point | null {
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, step],
    ArrowDown: [0, -step],
  };
  const move = moves[key];
  if (!move) return null;
  return { x: round2(clamp01(point.x + move[0])), y: round2(clamp01(point.y + move[1])) };
}

/** Break text into at most `maxLines` lines of about `width` characters, with an ellipsis if cut. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const raw of text.trim().split(/\s+/).filter(Boolean)) {
    const word = raw.length > width ? `${raw.slice(0, width - 1)}…` : raw;
    const next = current ? `${current} ${word}` : word;
    if (next.length <= width) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!.replace(/…$/, '');
  kept[maxLines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept;
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/**
 * Marks that would cover each other, pushed apart until at least `gap` units separate their centres
 * (in SVG units), staying inside the board. Deterministic: the same input always lands the same way.
 */
export function separate(points: readonly { cx: number; cy: number }[], gap: number, margin: number): { cx: number; cy: number }[] {
  const out = points.map((p) => ({ cx: p.cx, cy: p.cy }));
  for (let round = 0; round < 80; round++) {
    let moved = false;
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        let dx = b.cx - a.cx;
        let dy = b.cy - a.cy;
        let d = Math.hypot(dx, dy);
        if (d >= gap) continue;
        if (d < 0.001) {
          // Same spot: part them along a direction that depends only on their order.
          const angle = (i * 2.399 + j * 0.7) % (2 * Math.PI);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          d = 1;
        }
        const push = (gap - d) / 2 + 0.5;
        a.cx -= (dx / d) * push;
        a.cy -= (dy / d) * push;
        b.cx += (dx / d) * push;
        b.cy += (dy / d) * push;
        moved = true;
      }
    }
    for (const p of out) {
      p.cx = Math.min(SIZE - margin, Math.max(margin, p.cx));
      p.cy = Math.min(SIZE - margin, Math.max(margin, p.cy));
    }
    if (!moved) break;
  }
  return out;
}
