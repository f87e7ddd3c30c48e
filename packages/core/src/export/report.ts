import type { Quadrant } from '../constants.js';
import { QUADRANT_INFO } from '../content/framing.js';
import { ballotOwners } from '../privacy.js';
import type { Participant, RoomState, RoomView, Team } from '../types.js';
import { buildView } from '../view.js';

function keep<T>(record: Record<string, T>, test: (value: T) => boolean): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => test(value)));
}

/**
 * What the readable exports (CSV, Markdown, SVG, PNG, the summary) are drawn from: the facilitator's
 * view (so votes only once revealed, no link to a person in an anonymous workshop, nothing of a
 * person removed from a named one) minus what the facilitator hid.
 */
export function reportView(state: RoomState): RoomView {
  const view = buildView(state, { kind: 'facilitator' });
  const visible = (scenarioId: string) => view.scenarios[scenarioId]?.hidden === false;
  return {
    ...view,
    scenarios: keep(view.scenarios, (s) => !s.hidden),
    placements: keep(view.placements, (p) => visible(p.scenarioId) && view.teams[p.teamId] !== undefined),
    comments: keep(view.comments, (c) => !c.hidden && visible(c.scenarioId)),
    takeaways: keep(view.takeaways, (t) => visible(t.scenarioId) && t.text.length > 0),
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

/**
 * Who a ballot belongs to, as an export may say it: the person's label where the view links ballots
 * to people (a named workshop), otherwise nothing.
 */
export function authorLabel(view: RoomView, ballot: string, labels = participantLabels(view)): string | null {
  const owner = ballotOwners(view).get(ballot);
  return owner === undefined ? null : (labels.get(owner) ?? null);
}

/** A quadrant's English name: the CSV's stable vocabulary, whatever the workshop's language. */
export function quadrantTitle(q: Quadrant | null): string {
  return q ? QUADRANT_INFO[q].title : '';
}

/** A fixed number of decimals, with no "-0". */
export function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}
