import type { Point, Quadrant } from '@leadboard/core';

/** A scenario card as the board draws it. */
export interface BoardCard extends Point {
  id: string;
  /** Short text on the card (the board wraps and cuts it). */
  label: string;
  /** Full text for screen readers and tooltips. */
  title: string;
  color: string;
  /** Text colour on a phone chip, for team colours too light for white; white when absent. */
  ink?: string;
  /** Where the card was before discussion moved it: drawn as an arrow. */
  from?: Point | null;
  /** The current user may move this card. */
  movable?: boolean;
  emphasis?: 'normal' | 'spotlight' | 'dim';
}

/** One participant's dot in a vote cloud, or one cell of a crowd's. */
export interface BoardDot extends Point {
  id: string;
  color?: string;
  mine?: boolean;
  /** How many votes the dot stands for against the fullest of its cloud, 0–1: drawn up to twice as large. */
  weight?: number;
}

/** Where the room puts a card (the mean of its votes), drawn as a numbered mark with its spread as a ring. */
export interface BoardRoomMark extends Point {
  id: string;
  label: string;
  spread: number;
  title: string;
}

/** A thin line from one point to another: a team's placement to the room's position of the same card. */
export interface BoardLink {
  id: string;
  from: Point;
  to: Point;
  color: string;
}

/** A cloud summary: its mean and spread, drawn as a ring. */
export interface BoardCloud extends Point {
  id: string;
  spread: number;
  color?: string;
}

/** The words a board draws and reads out, in the screen's language. */
export interface BoardWords {
  quadrants: Record<Quadrant, string>;
  axes: { x: string; y: string };
  /** A card read out: its title and where it sits, each need as a percentage ("42%"). */
  position: (title: string, management: string, leadership: string) => string;
  /** After the board's label, when a point is placed with the keyboard. */
  keys: string;
}
