import type { Point } from '@leadboard/core';
import { SIZE, separate, toSvg, wrap } from './geometry.js';
import type { BoardCard, BoardRoomMark } from './types.js';

/** A spot on the board in SVG units. */
export interface Spot {
  cx: number;
  cy: number;
}

export type BoardVariant = 'phone' | 'stage' | 'marks';

/** Stage card geometry in board units: the wrap width is what fits the box at this font size. */
export const CARD = { width: 236, font: 22, line: 28, chars: 17, padding: 20, baseline: 32 } as const;

/** Space around the board for the axis labels. */
export const MARGIN = { left: 70, top: 12, right: 12, bottom: 70 } as const;

export const VIEW_BOX = `${-MARGIN.left} ${-MARGIN.top} ${SIZE + MARGIN.left + MARGIN.right} ${SIZE + MARGIN.top + MARGIN.bottom}`;

/** Everything but a stage board draws cards as numbered chips. */
export function drawsChips(variant: BoardVariant): boolean {
  return variant !== 'stage';
}

/** A thumb's target on a phone; a legible mark on a projected board. */
export function chipRadius(variant: BoardVariant): number {
  return variant === 'marks' ? 34 : 44;
}

/** A card as drawn: where its chip or box goes, the spot it stands for when moved apart, its lines. */
export interface DrawnCard {
  card: BoardCard;
  at: Spot;
  /** The card's true spot when the chip had to be moved away from it (a line leads back). */
  spot: Spot | null;
  lines: string[];
  width: number;
  height: number;
  from: Spot | null;
}

/**
 * Where each card is drawn. Numbered marks that would cover each other are moved apart (a thin line
 * leads back to the spot); a stage card near an edge is drawn just inside the frame, so its text is
 * never cut off.
 */
export function layoutCards(cards: readonly BoardCard[], positionOf: (card: BoardCard) => Point, variant: BoardVariant, scale: number): DrawnCard[] {
  const chip = drawsChips(variant);
  const radius = chipRadius(variant);
  const spots = cards.map((card) => toSvg(positionOf(card)));
  const marks = variant === 'marks' ? separate(spots, 2 * radius * scale + 6, radius * scale) : spots;
  return cards.map((card, i) => {
    const spot = spots[i]!;
    const lines = chip ? [card.label] : wrap(card.label, CARD.chars, 3);
    const width = chip ? 0 : CARD.width * scale;
    const height = chip ? 0 : (CARD.padding + lines.length * CARD.line) * scale;
    const at = chip ? marks[i]! : { cx: clampTo(spot.cx, width / 2, SIZE - width / 2), cy: clampTo(spot.cy, height / 2, SIZE - height / 2) };
    const displaced = chip && Math.hypot(at.cx - spot.cx, at.cy - spot.cy) > 8 ? spot : null;
    return { card, at, spot: displaced, lines, width, height, from: card.from ? toSvg(card.from) : null };
  });
}

export interface Arrow {
  id: string;
  color: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * A moved card's arrow runs from its first spot to the edge of the card (or chip), so the head is
 * never hidden under the card it points at.
 */
export function arrowsFor(drawn: readonly DrawnCard[], variant: BoardVariant, scale: number): Arrow[] {
  return drawn.flatMap((d) => {
    if (!d.from) return [];
    const dx = d.at.cx - d.from.cx;
    const dy = d.at.cy - d.from.cy;
    const length = Math.hypot(dx, dy);
    if (length < 1) return [];
    const reach = drawsChips(variant)
      ? chipRadius(variant) * (variant === 'marks' ? scale : 1) + 6
      : edgeDistance(dx, dy, d.width / 2 + 6, d.height / 2 + 6);
    const end = Math.max(0, length - reach) / length;
    return [{ id: d.card.id, color: d.card.color, x1: d.from.cx, y1: d.from.cy, x2: d.from.cx + dx * end, y2: d.from.cy + dy * end }];
  });
}

/** How far from a box's centre its edge is, in the direction (dx, dy). */
export function edgeDistance(dx: number, dy: number, halfWidth: number, halfHeight: number): number {
  const ux = Math.abs(dx) / Math.hypot(dx, dy);
  const uy = Math.abs(dy) / Math.hypot(dx, dy);
  return Math.min(ux > 0 ? halfWidth / ux : Infinity, uy > 0 ? halfHeight / uy : Infinity);
}

export interface PlacedRoomMark {
  room: BoardRoomMark;
  at: Spot;
  mark: Spot;
  moved: boolean;
}

/** The room's marks, moved apart where they would cover each other; each keeps a line to its true spot. */
export function layoutRoomMarks(rooms: readonly BoardRoomMark[]): PlacedRoomMark[] {
  const at = rooms.map((room) => toSvg(room));
  const placed = separate(at, 92, 44);
  return rooms.map((room, i) => ({ room, at: at[i]!, mark: placed[i]!, moved: Math.hypot(placed[i]!.cx - at[i]!.cx, placed[i]!.cy - at[i]!.cy) > 8 }));
}

function clampTo(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
