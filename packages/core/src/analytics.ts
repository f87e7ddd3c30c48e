import type { Lens, Quadrant } from './constants.js';
import { LENSES } from './constants.js';
import { distance, mean, quadrant, spread } from './maths.js';
import { activeParticipants, visibleScenarios } from './rules.js';
import { cellOf, crowdCells } from './crowd.js';
import { collectionOf, placementKey, type PartKey } from './parts.js';
import type { Crowd, Placement, Point, RoomView, Scenario, Team } from './types.js';

/** Moves shorter than this are jitter, not a change of mind. */
export const MOVE_THRESHOLD = 0.05;

/**
 * Every number the screens and exports show about a card, computed here once (docs/facilitator-guide.md
 * says in plain words how). A view holds exactly what counts, so every surface agrees.
 */
export interface ScenarioStats {
  scenario: Scenario;
  /** The card's number (`scenario.number`): the same on every screen and export. */
  number: number;
  placements: Placement[];
  /** Revealed votes on the card (or, before the reveal, the viewer's own). */
  votes: number;
  crowd: Point | null;
  spread: number;
  /** Mean distance between the team placements and the crowd's mean (0 without either). */
  gap: number;
  /** Spread plus gap: how much the room disagrees about this card. */
  disagreement: number;
  stars: number;
  lenses: Record<Lens, number>;
  placementQuadrants: Quadrant[];
  /** Where the room puts the card: the quadrant of the mean of its revealed votes; null without votes. */
  crowdQuadrant: Quadrant | null;
  /** Team placements in the same quadrant as the room's position (0 before the room has voted). */
  agreeing: number;
  moved: Placement[];
}

/**
 * A card's votes as a view holds them: the votes themselves (the facilitator's and the stage's
 * views), or the card's crowd (a phone's view, once revealed: crowd.ts). Where a view holds both,
 * the crowd is what the votes add up to; its figures are used, so every view gives the same.
 */
function crowdIn(view: Pick<RoomView, 'crowds'>, scenarioId: string): Crowd | undefined {
  return view.crowds?.[scenarioId];
}

/**
 * Every card's figures from a view. A view holds exactly what counts: votes once revealed, and
 * nothing of a person removed from a named workshop (view.ts), so every screen and export that
 * draws from a view counts the same. A phone's view holds each card's crowd (crowd.ts), computed
 * on the server with the same `mean` and `spread` from the same votes.
 */
export function scenarioStats(view: RoomView): ScenarioStats[] {
  const placementsBy = new Map<string, Placement[]>();
  for (const placement of Object.values(view.placements)) {
    if (!view.teams[placement.teamId]) continue;
    const list = placementsBy.get(placement.scenarioId) ?? [];
    list.push(placement);
    placementsBy.set(placement.scenarioId, list);
  }
  const votesBy = new Map<string, Point[]>();
  for (const sheet of Object.values(view.votes)) {
    for (const [sid, point] of Object.entries(sheet)) {
      const list = votesBy.get(sid) ?? [];
      list.push(point);
      votesBy.set(sid, list);
    }
  }
  const starsBy = new Map<string, number>();
  for (const list of Object.values(view.stars)) {
    for (const sid of list) starsBy.set(sid, (starsBy.get(sid) ?? 0) + 1);
  }
  const lensesBy = new Map<string, Record<Lens, number>>();
  for (const sheet of Object.values(view.lenses)) {
    for (const [sid, lenses] of Object.entries(sheet)) {
      const counts = lensesBy.get(sid) ?? (Object.fromEntries(LENSES.map((l) => [l, 0])) as Record<Lens, number>);
      for (const lens of lenses) counts[lens]++;
      lensesBy.set(sid, counts);
    }
  }
  return visibleScenarios(view).map((scenario) => {
    const placements = (placementsBy.get(scenario.id) ?? []).sort((a, b) => (view.teams[a.teamId]?.order ?? 0) - (view.teams[b.teamId]?.order ?? 0));
    const summary = crowdIn(view, scenario.id);
    const votes = votesBy.get(scenario.id) ?? [];
    const crowd = summary ? summary.centre : mean(votes);
    const cloud = summary ? summary.spread : spread(votes);
    const gap = crowd && placements.length ? placements.reduce((sum, p) => sum + distance(p, crowd), 0) / placements.length : 0;
    const placementQuadrants = placements.map((p) => quadrant(p));
    const crowdQuadrant = crowd ? quadrant(crowd) : null;
    return {
      scenario,
      number: scenario.number,
      placements,
      votes: summary ? summary.votes : votes.length,
      crowd,
      spread: cloud,
      gap,
      disagreement: cloud + gap,
      stars: summary ? summary.stars : (starsBy.get(scenario.id) ?? 0),
      lenses: lensesBy.get(scenario.id) ?? (Object.fromEntries(LENSES.map((l) => [l, 0])) as Record<Lens, number>),
      placementQuadrants,
      crowdQuadrant,
      agreeing: crowdQuadrant ? placementQuadrants.filter((q) => q === crowdQuadrant).length : 0,
      moved: placements.filter((p) => p.settled && distance(p.settled, p) >= MOVE_THRESHOLD),
    };
  });
}

/** The order to discuss in: most stars first, then most disagreement, then the order written. */
export function discussionQueue(stats: readonly ScenarioStats[]): ScenarioStats[] {
  return [...stats].sort(
    (a, b) => b.stars - a.stars || b.disagreement - a.disagreement || a.scenario.order - b.scenario.order,
  );
}

export interface TeamBoard {
  team: Team;
  /** The team's placements by quadrant; they add up to `placed`. */
  quadrants: Record<Quadrant, number>;
  placed: number;
}

export interface Conclusion {
  /** Visible cards. */
  cards: number;
  /**
   * Cards by where the room puts them (the quadrant of the mean of their revealed votes), plus the
   * cards the room has no revealed vote on. Adds up to `cards`. The headline "in Both" is `byRoom.both`.
   */
  byRoom: Record<Quadrant, number> & { unvoted: number };
  /** Each team's own board: its placements by quadrant. Reported beside the room's figures, never mixed in. */
  byTeam: TeamBoard[];
  /** Team placements in the same quadrant as the room's position, of the placements of cards the room voted on. */
  agreement: { same: number; of: number };
  /** Cards a team moved after discussion, with the placement that moved. */
  moved: { scenario: Scenario; number: number; placement: Placement }[];
  /** Up to three cards with votes, most disagreement first (spread of the votes + distance to the teams). */
  contested: ScenarioStats[];
  /** Mean distance between a team's placement and the room's position, over cards with both. */
  meanGap: number | null;
  balance: { count: number; mean: number | null; histogram: number[] };
  commitments: number;
}

const noQuadrants = (): Record<Quadrant, number> => ({ routine: 0, manage: 0, lead: 0, both: 0 });

export function conclusion(view: RoomView, stats = scenarioStats(view)): Conclusion {
  const byRoom = { ...noQuadrants(), unvoted: 0 };
  const teams = Object.values(view.teams).sort((a, b) => a.order - b.order);
  const byTeam = new Map<string, TeamBoard>(teams.map((team) => [team.id, { team, quadrants: noQuadrants(), placed: 0 }]));
  const agreement = { same: 0, of: 0 };
  const gaps: number[] = [];
  for (const s of stats) {
    if (s.crowdQuadrant) byRoom[s.crowdQuadrant]++;
    else byRoom.unvoted++;
    s.placements.forEach((p, i) => {
      const board = byTeam.get(p.teamId);
      if (!board) return;
      board.quadrants[s.placementQuadrants[i]!]++;
      board.placed++;
    });
    if (s.crowdQuadrant) {
      agreement.same += s.agreeing;
      agreement.of += s.placements.length;
    }
    if (s.crowd && s.placements.length) gaps.push(s.gap);
  }
  const moved = stats.flatMap((s) => s.moved.map((placement) => ({ scenario: s.scenario, number: s.number, placement })));
  const contested = [...stats].filter((s) => s.votes > 0).sort((a, b) => b.disagreement - a.disagreement || a.number - b.number).slice(0, 3);
  const balances: number[] = [];
  let commitments = 0;
  for (const reflection of Object.values(view.reflections)) {
    if (reflection.balance !== null) balances.push(reflection.balance);
    if (reflection.commitment) commitments++;
  }
  return {
    cards: stats.length,
    byRoom,
    byTeam: [...byTeam.values()],
    agreement,
    moved,
    contested,
    meanGap: gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : null,
    balance: { count: balances.length, mean: balances.length ? balances.reduce((a, b) => a + b, 0) / balances.length : null, histogram: balanceHistogram(balances) },
    commitments,
  };
}

/** Balance-check answers in five bands: 0–0.2 (in the weeds) … 0.8–1 (only vision). */
export function balanceHistogram(balances: readonly number[]): number[] {
  const histogram = [0, 0, 0, 0, 0];
  for (const b of balances) histogram[Math.min(4, Math.floor(b * 5))]!++;
  return histogram;
}

/**
 * How far each team has got with placing: every team places its own cards and the shared ones.
 * `placed` counts only cards the team still has to place, so it never exceeds `cards`.
 */
export function placingProgress(view: Pick<RoomView, 'teams' | 'scenarios' | 'placements'>): { team: Team; placed: number; cards: number }[] {
  const visible = visibleScenarios(view);
  return Object.values(view.teams)
    .sort((a, b) => a.order - b.order)
    .map((team) => {
      const own = visible.filter((s) => s.teamId === team.id || s.teamId === null);
      return { team, cards: own.length, placed: own.filter((s) => view.placements[placementKey(s.id, team.id)] !== undefined).length };
    });
}

/**
 * What `progress` reads. Not the meta: a phase change, the spotlight or the timer moves no count,
 * and recounting every person of a room for each of them is what a big room cannot afford.
 */
const PROGRESS_SOURCES = new Set<string>(['participants', 'ballots', 'scenarios', 'votes', 'stars', 'reflections']);

/** Whether a changed part can change the room's progress counts (so they are worth recounting). */
export function affectsProgress(key: PartKey): boolean {
  const collection = collectionOf(key);
  return collection !== null && PROGRESS_SOURCES.has(collection);
}

/** Counts anyone may see while votes are hidden: how far the room has got. Never a person's answer. */
export interface Progress {
  participants: number;
  /** Participants who have voted on every visible scenario. */
  voted: number;
  /** Participants who have placed at least one dot. */
  started: number;
  /** Dots placed on visible cards, by active participants. */
  dots: number;
  scenarios: number;
  starsSpent: number;
  reflections: number;
  /** The room's balance-check answers in five bands (balanceHistogram): a distribution, never a person's. */
  balance: number[];
  /** Active participants per team id (teams nobody is in are absent). */
  teams: Record<string, number>;
}

/**
 * The counts a phone shows: who is here, how many in each team, and how many have reflected. A
 * vote changes none of them, so a voting room's phones are not sent its counts four times a second;
 * the facilitator and the stage, who show how far the vote has got, are.
 */
export type PhoneCounts = Pick<Progress, 'participants' | 'teams' | 'reflections'>;

export function phoneCounts(counts: PhoneCounts): PhoneCounts {
  return { participants: counts.participants, teams: counts.teams, reflections: counts.reflections };
}

export function progress(state: Pick<RoomView, 'participants' | 'ballots' | 'scenarios' | 'votes' | 'stars' | 'reflections'>): Progress {
  const active = activeParticipants(state);
  const visible = new Set(visibleScenarios(state).map((s) => s.id));
  let voted = 0;
  let started = 0;
  let starsSpent = 0;
  let reflections = 0;
  let dots = 0;
  const balances: number[] = [];
  const teams: Record<string, number> = {};
  for (const p of active) {
    if (p.teamId !== null) teams[p.teamId] = (teams[p.teamId] ?? 0) + 1;
    const ballot = state.ballots[p.id];
    if (ballot === undefined) continue;
    const sheet = state.votes[ballot];
    if (sheet) {
      let count = 0;
      for (const sid of Object.keys(sheet)) if (visible.has(sid)) count++;
      if (count > 0) started++;
      dots += count;
      if (visible.size > 0 && count >= visible.size) voted++;
    }
    starsSpent += state.stars[ballot]?.length ?? 0;
    const reflection = state.reflections[ballot];
    if (reflection && (reflection.balance !== null || reflection.commitment)) reflections++;
    if (reflection && reflection.balance !== null) balances.push(reflection.balance);
  }
  return { participants: active.length, voted, started, dots, scenarios: visible.size, starsSpent, reflections, balance: balanceHistogram(balances), teams };
}

export interface VoteDot extends Point {
  /** A key for the dot: its ballot, or its cell of the crowd's grid. */
  id: string;
  /** The votes it stands for: 1 for a ballot's own dot, more for a cell of a crowd. */
  n: number;
  /** How full the dot is against the fullest of its cloud, 0–1 (0 when every dot is one vote). */
  weight: number;
  mine: boolean;
}

export interface VoteCloud {
  /**
   * One dot per ballot that voted on the card, or, from a phone's view once revealed, one per
   * cell of the card's crowd where votes lie; the viewer's own (if any) marked and last, to draw
   * on top.
   */
  dots: VoteDot[];
  /** The votes the cloud stands for. */
  count: number;
  centre: Point | null;
  spread: number;
}

/**
 * The dots for one card from every ballot this view holds: everyone's once revealed, only the
 * viewer's own before; from a phone's view once revealed, the card's crowd (crowd.ts) and the
 * viewer's own dot. What counts is what the view holds (see scenarioStats), so every screen
 * draws the same cloud the exports describe.
 */
export function voteCloud(view: Pick<RoomView, 'votes' | 'crowds'>, scenarioId: string, myBallot: string | null = null): VoteCloud {
  const dots: VoteDot[] = [];
  for (const [ballot, sheet] of Object.entries(view.votes)) {
    const point = sheet[scenarioId];
    if (point) dots.push({ id: ballot, x: point.x, y: point.y, n: 1, weight: 0, mine: ballot === myBallot });
  }
  const summary = crowdIn(view, scenarioId);
  // A view that holds fewer votes than the crowd counts is a phone's: draw the crowd.
  if (summary && summary.votes > dots.length) {
    const own = dots.filter((d) => d.mine);
    // The viewer's own vote is drawn as itself, so its cell counts one fewer.
    const ownCell = own[0] ? cellOf(own[0]) : -1;
    const cells = crowdCells(summary).map((c) => (c.cell === ownCell ? { ...c, n: c.n - 1 } : c)).filter((c) => c.n > 0);
    const fullest = Math.max(0, ...cells.map((c) => c.n));
    const drawn: VoteDot[] = cells.map((c) => ({ id: `cell-${c.cell}`, x: c.x, y: c.y, n: c.n, weight: fullest > 1 ? (c.n - 1) / (fullest - 1) : 0, mine: false }));
    return { dots: [...drawn, ...own], count: summary.votes, centre: summary.centre, spread: summary.spread };
  }
  dots.sort((a, b) => Number(a.mine) - Number(b.mine));
  return { dots, count: dots.length, centre: summary ? summary.centre : mean(dots), spread: summary ? summary.spread : spread(dots) };
}
