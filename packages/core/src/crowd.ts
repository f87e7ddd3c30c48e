import { mean, spread } from './maths.js';
import { isWithdrawn } from './privacy.js';
import type { Crowd, Point, RoomState } from './types.js';

/**
 * The crowd's picture of a card. Once votes are revealed the room's phones (and the stage) are
 * told each card's crowd, not every ballot: a message of fixed size whatever the size of the
 * room, where every vote to every phone would be O(people²) bytes for the room (50 KB per phone
 * at 1,000 votes, 3 MB at 50,000). The facilitator keeps the votes themselves (view.ts).
 */

/** The crowd's grid: CROWD_GRID × CROWD_GRID cells over the board (20: a cell is 5 % of an axis). */
export const CROWD_GRID = 20;

/** The crowd's cell a point lies in. */
export function cellOf(point: Point): number {
  const column = Math.min(CROWD_GRID - 1, Math.floor(point.x * CROWD_GRID));
  const row = Math.min(CROWD_GRID - 1, Math.floor(point.y * CROWD_GRID));
  return row * CROWD_GRID + column;
}

/** The crowd of one card from its votes and its number of stars. */
export function crowdOf(votes: readonly Point[], stars: number): Crowd {
  const counts = new Map<number, number>();
  for (const vote of votes) {
    const cell = cellOf(vote);
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  const cells: number[] = [];
  for (const cell of [...counts.keys()].sort((a, b) => a - b)) cells.push(cell, counts.get(cell)!);
  return { votes: votes.length, centre: mean(votes), spread: spread(votes), cells, stars };
}

/** One drawn dot of a crowd: the centre of a cell and how many votes lie in it. */
export interface CrowdCell extends Point {
  cell: number;
  n: number;
}

/** A crowd's cells as points (each cell's centre) with their counts. */
export function crowdCells(crowd: Crowd): CrowdCell[] {
  const out: CrowdCell[] = [];
  for (let i = 0; i + 1 < crowd.cells.length; i += 2) {
    const cell = crowd.cells[i]!;
    out.push({ cell, x: ((cell % CROWD_GRID) + 0.5) / CROWD_GRID, y: (Math.floor(cell / CROWD_GRID) + 0.5) / CROWD_GRID, n: crowd.cells[i + 1]! });
  }
  return out;
}

/** What a crowd is computed from: a state, or the facilitator's view of one. */
type CrowdSource = Pick<RoomState, 'meta' | 'votes' | 'stars' | 'scenarios' | 'ballots' | 'participants'>;

const known = new WeakMap<CrowdSource, Map<string, Crowd>>();

/**
 * Whether two states give the same crowds without computing them: `crowdsOf` reads nothing but
 * these, and a state's collections are never changed in place (a write copies the collection), so
 * the same objects hold the same votes. A spotlight move or a phase change after the reveal keeps
 * them all, and a room of 30 would otherwise summarise every card twice for each.
 */
export function sameCrowdSources(before: CrowdSource, after: CrowdSource): boolean {
  return (
    before.votes === after.votes &&
    before.stars === after.stars &&
    before.scenarios === after.scenarios &&
    before.ballots === after.ballots &&
    before.participants === after.participants &&
    before.meta.revealed === after.meta.revealed &&
    before.meta.settings.anonymous === after.meta.settings.anonymous
  );
}

/**
 * Every card's crowd at a state, by scenario id: the revealed votes and stars of visible cards,
 * without what a person removed from a named workshop contributed (privacy.ts). Empty until the
 * reveal. States are never changed in place, so each is summarised once. The facilitator's view
 * of a state gives the same crowds as the state.
 */
export function crowdsOf(state: CrowdSource): Map<string, Crowd> {
  let crowds = known.get(state);
  if (crowds) return crowds;
  crowds = new Map();
  if (state.meta.revealed) {
    const votes = new Map<string, Point[]>();
    const stars = new Map<string, number>();
    const shown = (sid: string) => state.scenarios[sid] !== undefined && !state.scenarios[sid].hidden;
    for (const [ballot, sheet] of Object.entries(state.votes)) {
      if (isWithdrawn(state, ballot)) continue;
      for (const [sid, point] of Object.entries(sheet)) {
        if (!shown(sid)) continue;
        const list = votes.get(sid);
        if (list) list.push(point);
        else votes.set(sid, [point]);
      }
    }
    for (const [ballot, list] of Object.entries(state.stars)) {
      if (isWithdrawn(state, ballot)) continue;
      for (const sid of list) if (shown(sid)) stars.set(sid, (stars.get(sid) ?? 0) + 1);
    }
    for (const sid of new Set([...votes.keys(), ...stars.keys()])) crowds.set(sid, crowdOf(votes.get(sid) ?? [], stars.get(sid) ?? 0));
  }
  known.set(state, crowds);
  return crowds;
}

/** Whether two crowds say the same (either may be absent). */
export function sameCrowd(a: Crowd | undefined, b: Crowd | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.votes === b.votes && a.stars === b.stars && a.spread === b.spread &&
    a.centre?.x === b.centre?.x && a.centre?.y === b.centre?.y &&
    a.cells.length === b.cells.length && a.cells.every((v, i) => v === b.cells[i])
  );
}
