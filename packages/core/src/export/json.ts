import type { Lens } from '../constants.js';
import { buildView } from '../view.js';
import type { Comment, Meta, Participant, Placement, RoomState, Scenario, Takeaway, Team } from '../types.js';

export const EXPORT_FORMAT = 'leadboard.workshop';
export const EXPORT_VERSION = 2;

/** The complete workshop as a portable document (docs/export.md describes every field). */
export interface WorkshopExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** Votes and stars are included once the room has seen them: after the reveal (ending the workshop reveals). */
  votesIncluded: boolean;
  workshop: Pick<Meta, 'code' | 'title' | 'createdAt' | 'phase' | 'phaseLog' | 'settings' | 'revealed' | 'locked' | 'spotlight'>;
  teams: Team[];
  /** `ballot` links a person to their contributions: present only in a named workshop. */
  participants: (Omit<Participant, 'name'> & { name: string | null; ballot?: string })[];
  scenarios: Scenario[];
  placements: Placement[];
  votes: { ballot: string; scenarioId: string; x: number; y: number }[];
  stars: { ballot: string; scenarioId: string }[];
  comments: Comment[];
  lensTags: { ballot: string; scenarioId: string; lens: Lens }[];
  takeaways: Takeaway[];
  reflections: { ballot: string; balance: number | null; commitment: string; at: number; hidden: boolean }[];
}

/** Votes may leave the room once the room has seen them. */
export function votesExportable(state: Pick<RoomState, 'meta'>): boolean {
  return state.meta.revealed;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The facilitator's view of the workshop as a document, in a deterministic order so two exports of
 * the same workshop are byte-identical. Drawn from the view, so it holds exactly what the console may
 * see (docs/privacy.md): no vote before the reveal, no link to a person in an anonymous workshop.
 */
export function toExport(state: RoomState, exportedAt: number): WorkshopExport {
  const view = buildView(state, { kind: 'facilitator' });
  const { code, title, createdAt, phase, phaseLog, settings, revealed, locked, spotlight } = view.meta;
  const votes: WorkshopExport['votes'] = [];
  for (const ballot of Object.keys(view.votes).sort(byKey)) {
    for (const sid of Object.keys(view.votes[ballot]!).sort(byKey)) {
      const point = view.votes[ballot]![sid]!;
      votes.push({ ballot, scenarioId: sid, x: point.x, y: point.y });
    }
  }
  const stars: WorkshopExport['stars'] = [];
  for (const ballot of Object.keys(view.stars).sort(byKey)) {
    for (const sid of view.stars[ballot]!) stars.push({ ballot, scenarioId: sid });
  }
  const lensTags: WorkshopExport['lensTags'] = [];
  for (const ballot of Object.keys(view.lenses).sort(byKey)) {
    for (const sid of Object.keys(view.lenses[ballot]!).sort(byKey)) {
      for (const lens of view.lenses[ballot]![sid]!) lensTags.push({ ballot, scenarioId: sid, lens });
    }
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    votesIncluded: votesExportable(state),
    workshop: { code, title, createdAt, phase, phaseLog, settings, revealed, locked, spotlight },
    teams: Object.values(view.teams).sort((a, b) => a.order - b.order),
    participants: Object.values(view.participants)
      .sort((a, b) => a.joinedAt - b.joinedAt || byKey(a.id, b.id))
      .map((p) => {
        const ballot = view.ballots[p.id];
        return { ...p, name: settings.namedExport ? p.name : null, ...(ballot === undefined ? {} : { ballot }) };
      }),
    scenarios: Object.values(view.scenarios).sort((a, b) => a.order - b.order),
    placements: Object.values(view.placements).sort((a, b) =>
      a.scenarioId === b.scenarioId ? byKey(a.teamId, b.teamId) : byKey(a.scenarioId, b.scenarioId),
    ),
    votes,
    stars,
    comments: Object.values(view.comments).sort((a, b) => a.at - b.at || byKey(a.id, b.id)),
    lensTags,
    takeaways: Object.values(view.takeaways).sort((a, b) => byKey(a.scenarioId, b.scenarioId)),
    reflections: Object.entries(view.reflections)
      .sort(([a], [b]) => byKey(a, b))
      .map(([ballot, r]) => ({ ballot, ...r })),
  };
}
