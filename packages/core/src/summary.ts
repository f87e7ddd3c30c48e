import type { WorkshopSummary } from './protocol.js';
import { joinRefusal } from './reducer/lifecycle.js';
import { activeParticipants } from './rules.js';
import type { RoomState } from './types.js';

/** What anyone with the code may learn before joining: the join page's summary (`GET /api/workshops/:code`). */
export function workshopSummary(state: RoomState): WorkshopSummary {
  const { meta, teams } = state;
  const closed = joinRefusal(state);
  return {
    code: meta.code,
    title: meta.title,
    phase: meta.phase,
    teams: Object.values(teams).sort((a, b) => a.order - b.order).map(({ id, name, color }) => ({ id, name, color })),
    participants: activeParticipants(state).length,
    joinable: closed === null,
    closed: closed && closed.error,
    privacy: { anonymous: meta.settings.anonymous, namedExport: meta.settings.namedExport },
  };
}
