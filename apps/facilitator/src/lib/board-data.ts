import { distance, MOVE_THRESHOLD, placementKey, voteCloud, type Quadrant, type RoomView, type ScenarioStats } from '@leadboard/core';
import { inkOn, teamMark, type BoardCard, type BoardCloud, type BoardDot, type BoardLink, type BoardRoomMark } from '@leadboard/board';

export interface CardOptions {
  /** The scenario under discussion: its cards stand out, the others fade. */
  focus?: string | null;
  /** Only these scenarios (by id). */
  only?: ReadonlySet<string> | null;
  /** Label cards with their team's mark (as on the phones), when the scenario's text is shown beside the board. */
  labelByTeam?: boolean;
  /** Label cards with these card numbers instead (a crowded board drawn as numbered marks). */
  numbers?: ReadonlyMap<string, number> | null;
}

/** Every team's placement of every visible scenario, as board cards in team colours. */
export function placementCards(view: RoomView, options: CardOptions = {}): BoardCard[] {
  const cards: BoardCard[] = [];
  const placements = Object.values(view.placements).sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  for (const placement of placements) {
    const scenario = view.scenarios[placement.scenarioId];
    const team = view.teams[placement.teamId];
    if (!scenario || scenario.hidden || !team) continue;
    if (options.only && !options.only.has(scenario.id)) continue;
    const moved = placement.settled && distance(placement.settled, placement) >= MOVE_THRESHOLD;
    const focus = options.focus ?? null;
    cards.push({
      id: placementKey(placement.scenarioId, placement.teamId),
      label: options.numbers ? String(options.numbers.get(scenario.id) ?? '') : options.labelByTeam ? teamMark(team) : scenario.text,
      title: `${team.name}: ${scenario.text}`,
      color: team.color,
      ink: inkOn(team.color),
      x: placement.x,
      y: placement.y,
      from: moved ? placement.settled : null,
      emphasis: focus === null ? 'normal' : focus === scenario.id ? 'spotlight' : 'dim',
    });
  }
  return cards;
}

/** The revealed votes on one scenario (core's voteCloud): a dot per ballot and a ring for the crowd. Empty before the reveal. */
export function voteLayer(view: RoomView, scenarioId: string | null, color = '#334155'): { dots: BoardDot[]; clouds: BoardCloud[]; count: number } {
  if (!scenarioId) return { dots: [], clouds: [], count: 0 };
  const cloud = voteCloud(view, scenarioId);
  const dots: BoardDot[] = cloud.dots.map((d) => ({ id: d.id, x: d.x, y: d.y, weight: d.weight }));
  const clouds: BoardCloud[] = cloud.centre ? [{ id: scenarioId, x: cloud.centre.x, y: cloud.centre.y, spread: cloud.spread, color }] : [];
  return { dots, clouds, count: cloud.count };
}

/**
 * The reveal, card by card: where the room puts each card (core's crowd mean, as a numbered mark
 * with its spread, titled by `describe`) and where each team put it (a dot in the team's colour,
 * with a line to the room).
 */
export function revealLayer(view: RoomView, stats: readonly ScenarioStats[], describe: (stats: ScenarioStats & { crowdQuadrant: Quadrant }) => string): { rooms: BoardRoomMark[]; dots: BoardDot[]; links: BoardLink[] } {
  const rooms: BoardRoomMark[] = [];
  const dots: BoardDot[] = [];
  const links: BoardLink[] = [];
  for (const s of stats) {
    if (!s.crowd || !s.crowdQuadrant) continue;
    rooms.push({ id: s.scenario.id, x: s.crowd.x, y: s.crowd.y, label: String(s.number), spread: s.spread, title: describe({ ...s, crowdQuadrant: s.crowdQuadrant }) });
    for (const p of s.placements) {
      const color = view.teams[p.teamId]?.color ?? '#64748b';
      const id = placementKey(p.scenarioId, p.teamId);
      dots.push({ id, x: p.x, y: p.y, color });
      links.push({ id, from: p, to: s.crowd, color });
    }
  }
  return { rooms, dots, links };
}

/** Shorten text for a list line, on a word boundary. */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // "…" after a full stop or comma reads as a stray mark: the cut ends on a word.
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?]+$/, '')}…`;
}
