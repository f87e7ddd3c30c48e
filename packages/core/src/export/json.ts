import type { Lens } from '../constants.js';
import type { Comment, Meta, Participant, Placement, Scenario, Takeaway, Team } from '../types.js';
import type { RoomState } from '../types.js';

export const EXPORT_FORMAT = 'leadboard.workshop';
export const EXPORT_VERSION = 1;

/** The complete workshop as a portable document (docs/export.md describes every field). */
export interface WorkshopExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** Votes and stars are included once revealed or once the workshop has ended. */
  votesIncluded: boolean;
  workshop: Pick<Meta, 'code' | 'title' | 'createdAt' | 'phase' | 'phaseLog' | 'settings' | 'revealed' | 'spotlight'>;
  teams: Team[];
  participants: (Omit<Participant, 'name'> & { name: string | null })[];
  scenarios: Scenario[];
  placements: Placement[];
  votes: { participantId: string; scenarioId: string; x: number; y: number }[];
  stars: { participantId: string; scenarioId: string }[];
  comments: Comment[];
  lensTags: { participantId: string; scenarioId: string; lens: Lens }[];
  takeaways: Takeaway[];
  reflections: { participantId: string; balance: number | null; commitment: string; at: number; hidden: boolean }[];
}

export function votesExportable(state: RoomState): boolean {
  return state.meta.revealed || state.meta.phase === 'ended';
}

/** Deterministic order everywhere, so two exports of the same workshop are byte-identical. */
export function toExport(state: RoomState, exportedAt: number): WorkshopExport {
  const { code, title, createdAt, phase, phaseLog, settings, revealed, spotlight } = state.meta;
  const includeVotes = votesExportable(state);
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const votes: WorkshopExport['votes'] = [];
  const stars: WorkshopExport['stars'] = [];
  if (includeVotes) {
    for (const pid of Object.keys(state.votes).sort()) {
      for (const sid of Object.keys(state.votes[pid]!).sort()) {
        const point = state.votes[pid]![sid]!;
        votes.push({ participantId: pid, scenarioId: sid, x: point.x, y: point.y });
      }
    }
    for (const pid of Object.keys(state.stars).sort()) {
      for (const sid of state.stars[pid]!) stars.push({ participantId: pid, scenarioId: sid });
    }
  }
  const lensTags: WorkshopExport['lensTags'] = [];
  for (const pid of Object.keys(state.lenses).sort()) {
    for (const sid of Object.keys(state.lenses[pid]!).sort()) {
      for (const lens of state.lenses[pid]![sid]!) lensTags.push({ participantId: pid, scenarioId: sid, lens });
    }
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    votesIncluded: includeVotes,
    workshop: { code, title, createdAt, phase, phaseLog, settings, revealed, spotlight },
    teams: Object.values(state.teams).sort((a, b) => a.order - b.order),
    participants: Object.values(state.participants)
      .sort((a, b) => a.joinedAt - b.joinedAt || byId(a, b))
      .map((p) => ({ ...p, name: settings.namedExport ? p.name : null })),
    scenarios: Object.values(state.scenarios).sort((a, b) => a.order - b.order),
    placements: Object.values(state.placements).sort((a, b) =>
      a.scenarioId === b.scenarioId ? (a.teamId < b.teamId ? -1 : 1) : a.scenarioId < b.scenarioId ? -1 : 1,
    ),
    votes,
    stars,
    comments: Object.values(state.comments).sort((a, b) => a.at - b.at || byId(a, b)),
    lensTags,
    takeaways: Object.values(state.takeaways).sort((a, b) => (a.scenarioId < b.scenarioId ? -1 : 1)),
    reflections: Object.entries(state.reflections)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([participantId, r]) => ({ participantId, ...r })),
  };
}
