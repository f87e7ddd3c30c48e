import type { Quadrant } from '../constants.js';
import { QUADRANT_INFO } from '../content/framing.js';
import type { Participant, RoomState, RoomView, Team } from '../types.js';
import { votesExportable } from './json.js';

function keep<T>(record: Record<string, T>, test: (value: T) => boolean): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => test(value)));
}

/**
 * What the readable exports (CSV, Markdown, SVG, PNG) are drawn from: the whole board minus what
 * the facilitator hid, with votes and stars only once they may leave the room (votesExportable).
 */
export function reportView(state: RoomState): RoomView {
  const shown = votesExportable(state);
  const visible = (scenarioId: string) => state.scenarios[scenarioId]?.hidden === false;
  return {
    meta: state.meta,
    teams: state.teams,
    participants: state.participants,
    scenarios: keep(state.scenarios, (s) => !s.hidden),
    placements: keep(state.placements, (p) => visible(p.scenarioId) && state.teams[p.teamId] !== undefined),
    votes: shown ? state.votes : {},
    stars: shown ? state.stars : {},
    comments: keep(state.comments, (c) => !c.hidden && visible(c.scenarioId)),
    lenses: state.lenses,
    takeaways: keep(state.takeaways, (t) => visible(t.scenarioId) && t.text.length > 0),
    reflections: state.reflections,
  };
}

export function sortedTeams(view: Pick<RoomView, 'teams'>): Team[] {
  return Object.values(view.teams).sort((a, b) => a.order - b.order);
}

/** Everyone who joined, in the order they joined. */
export function sortedParticipants(view: Pick<RoomView, 'participants'>): Participant[] {
  return Object.values(view.participants).sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function teamName(view: Pick<RoomView, 'teams'>, teamId: string | null): string {
  if (teamId === null) return '';
  return view.teams[teamId]?.name ?? '';
}

/** A name when the workshop exports names, otherwise a stable pseudonym (P1, P2, … in joining order). */
export function participantLabels(view: RoomView): Map<string, string> {
  const named = view.meta.settings.namedExport;
  return new Map(sortedParticipants(view).map((p, i) => [p.id, named ? p.name : `P${i + 1}`]));
}

export function quadrantTitle(q: Quadrant | null): string {
  return q ? QUADRANT_INFO[q].title : '';
}

/** A fixed number of decimals, with no "-0". */
export function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** `2025-03-14`, in UTC, so every server prints the same date. */
export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** `2025-03-14 09:30 UTC`. */
export function isoMinute(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
