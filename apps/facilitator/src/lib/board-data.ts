import { distance, mean, MOVE_THRESHOLD, placementKey, spread, type Point, type RoomView } from '@leadboard/core';
import { inkOn, teamMark, type BoardCard, type BoardCloud, type BoardDot } from '@leadboard/board';

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
  const placements = Object.values(view.placements).sort((a, b) => a.at - b.at);
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

/** The revealed votes on one scenario: a dot per person and a ring for the crowd. Empty before the reveal. */
export function voteLayer(view: RoomView, scenarioId: string | null, color = '#334155'): { dots: BoardDot[]; clouds: BoardCloud[]; points: Point[] } {
  if (!scenarioId) return { dots: [], clouds: [], points: [] };
  const points: Point[] = [];
  const dots: BoardDot[] = [];
  for (const [participantId, sheet] of Object.entries(view.votes)) {
    if (view.participants[participantId]?.status === 'removed') continue;
    const point = sheet[scenarioId];
    if (!point) continue;
    points.push(point);
    dots.push({ id: participantId, x: point.x, y: point.y });
  }
  const centre = mean(points);
  const clouds: BoardCloud[] = centre ? [{ id: scenarioId, x: centre.x, y: centre.y, spread: spread(points), color }] : [];
  return { dots, clouds, points };
}

/** Shorten text for a list line, on a word boundary. */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
