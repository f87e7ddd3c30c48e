import type { z } from 'zod';
import { emptyCollections } from '../parts.js';
import { placementKey } from '../parts.js';
import type { WorkshopImportSchema } from '../schema/export.js';
import type { DomainError, LensSheet, RoomState } from '../types.js';
import { fail } from '../reducer/tx.js';

export type WorkshopImport = z.output<typeof WorkshopImportSchema>;

export interface ImportTarget {
  code: string;
  facilitatorTokenHash: string;
  stageTokenHash: string;
}

/**
 * A new workshop from an export: same content, new code and new keys. Every reference is checked,
 * so a hand-edited file cannot leave a card pointing at a team that does not exist.
 */
export function fromImport(doc: WorkshopImport, target: ImportTarget): RoomState | DomainError {
  const state: RoomState = {
    meta: {
      code: target.code,
      title: doc.workshop.title,
      createdAt: doc.workshop.createdAt,
      phase: doc.workshop.phase,
      phaseLog: doc.workshop.phaseLog,
      settings: doc.workshop.settings,
      revealed: doc.workshop.revealed,
      spotlight: doc.workshop.spotlight,
      timer: { status: 'idle', durationMs: 180_000, endsAt: null, remainingMs: 180_000 },
    },
    ...emptyCollections(),
  };
  for (const team of doc.teams) state.teams[team.id] = team;
  let unnamed = 0;
  for (const p of doc.participants) {
    if (p.teamId !== null && !state.teams[p.teamId]) return fail('INVALID', `participant ${p.id}: unknown team ${p.teamId}`);
    state.participants[p.id] = { ...p, name: p.name ?? `Participant ${++unnamed}` };
  }
  const person = (id: string) => state.participants[id] !== undefined;
  for (const s of doc.scenarios) {
    if (s.teamId !== null && !state.teams[s.teamId]) return fail('INVALID', `scenario ${s.id}: unknown team ${s.teamId}`);
    state.scenarios[s.id] = s;
  }
  const scenario = (id: string) => state.scenarios[id] !== undefined;
  if (state.meta.spotlight !== null && !scenario(state.meta.spotlight)) state.meta.spotlight = null;
  for (const p of doc.placements) {
    if (!scenario(p.scenarioId) || !state.teams[p.teamId]) return fail('INVALID', `placement ${p.scenarioId}: unknown scenario or team`);
    state.placements[placementKey(p.scenarioId, p.teamId)] = p;
  }
  for (const v of doc.votes) {
    if (!person(v.participantId) || !scenario(v.scenarioId)) return fail('INVALID', 'vote: unknown participant or scenario');
    state.votes[v.participantId] = { ...state.votes[v.participantId], [v.scenarioId]: { x: v.x, y: v.y } };
  }
  for (const s of doc.stars) {
    if (!person(s.participantId) || !scenario(s.scenarioId)) return fail('INVALID', 'star: unknown participant or scenario');
    const list = state.stars[s.participantId] ?? [];
    if (!list.includes(s.scenarioId)) state.stars[s.participantId] = [...list, s.scenarioId];
  }
  for (const c of doc.comments) {
    if (!person(c.participantId) || !scenario(c.scenarioId)) return fail('INVALID', `comment ${c.id}: unknown participant or scenario`);
    state.comments[c.id] = c;
  }
  for (const t of doc.lensTags) {
    if (!person(t.participantId) || !scenario(t.scenarioId)) return fail('INVALID', 'lens tag: unknown participant or scenario');
    const sheet: LensSheet = state.lenses[t.participantId] ?? {};
    const list = sheet[t.scenarioId] ?? [];
    if (!list.includes(t.lens)) sheet[t.scenarioId] = [...list, t.lens];
    state.lenses[t.participantId] = sheet;
  }
  for (const t of doc.takeaways) {
    if (!scenario(t.scenarioId)) return fail('INVALID', 'takeaway: unknown scenario');
    state.takeaways[t.scenarioId] = t;
  }
  for (const { participantId, ...r } of doc.reflections) {
    if (!person(participantId)) return fail('INVALID', 'reflection: unknown participant');
    state.reflections[participantId] = r;
  }
  state.auth = {
    [target.facilitatorTokenHash]: { role: 'facilitator', participantId: null },
    [target.stageTokenHash]: { role: 'stage', participantId: null },
  };
  return state;
}
