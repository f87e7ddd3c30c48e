import type { Point } from '@leadboard/core';

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

/** One participant's dot in a vote cloud. */
export interface BoardDot extends Point {
  id: string;
  color?: string;
  mine?: boolean;
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
