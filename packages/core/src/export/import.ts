import type { z } from 'zod';
import { DEFAULTS } from '../constants.js';
import { emptyCollections, placementKey } from '../parts.js';
import type { WorkshopImportSchema } from '../schema/export.js';
import type { LensSheet, RoomState } from '../types.js';
import { fail, type Refusal } from '../reducer/tx.js';

export type WorkshopImport = z.output<typeof WorkshopImportSchema>;
type Version2 = Extract<WorkshopImport, { version: 2 }>;

export interface ImportTarget {
  code: string;
  facilitatorTokenHash: string;
  stageTokenHash: string;
  /** Fresh ids, for the ballots of a version 1 file. */
  newId: () => string;
  /** When the new workshop starts (a template starts its phase log here). */
  now: number;
}

/**
 * `continue`: everything in the file, with a new code and new keys; the file's people become
 * earlier participants (no token, no vote in progress or team balancing). `template`: the title,
 * settings, teams and cards only, in the lobby, for a new group.
 */
export type ImportMode = 'continue' | 'template';

/** A version 1 file keyed contributions by participant id: give every participant a ballot of their own. */
function upgrade(doc: WorkshopImport, newId: () => string): Version2 {
  if (doc.version === 2) return doc;
  const ballots = new Map<string, string>();
  const ballot = (participantId: string) => {
    let id = ballots.get(participantId);
    if (!id) ballots.set(participantId, (id = newId()));
    return id;
  };
  return {
    ...doc,
    version: 2,
    participants: doc.participants.map((p) => ({ ...p, ballot: ballot(p.id) })),
    comments: doc.comments.map(({ participantId, ...c }) => ({ ...c, author: ballot(participantId) })),
    votes: doc.votes.map(({ participantId, ...v }) => ({ ...v, ballot: ballot(participantId) })),
    stars: doc.stars.map(({ participantId, ...s }) => ({ ...s, ballot: ballot(participantId) })),
    lensTags: doc.lensTags.map(({ participantId, ...t }) => ({ ...t, ballot: ballot(participantId) })),
    reflections: doc.reflections.map(({ participantId, ...r }) => ({ ...r, ballot: ballot(participantId) })),
  };
}

/** The reusable part of a workshop: its title, settings, teams and cards, numbered afresh, in the lobby. */
function asTemplate(doc: Version2, now: number): Version2 {
  return {
    ...doc,
    workshop: { ...doc.workshop, phase: 'lobby', phaseLog: [{ phase: 'lobby', at: now }], createdAt: now, revealed: false, locked: false, spotlight: null },
    participants: [],
    scenarios: [...doc.scenarios].sort((a, b) => a.order - b.order).map((s, i) => ({ ...s, number: i + 1, createdAt: now, createdBy: s.source === 'team' ? 'facilitator' : s.createdBy })),
    placements: [],
    votes: [],
    stars: [],
    comments: [],
    lensTags: [],
    takeaways: [],
    reflections: [],
  };
}

/**
 * A new workshop from an export: same content, new code and new keys. Every reference is checked,
 * so a hand-edited file cannot leave a card pointing at a team that does not exist. Contributions
 * keep their ballots; a ballot nobody in the file claims (an anonymous workshop's) still counts.
 */
export function fromImport(input: WorkshopImport, target: ImportTarget, mode: ImportMode = 'continue'): RoomState | Refusal {
  const upgraded = upgrade(input, target.newId);
  const doc = mode === 'template' ? asTemplate(upgraded, target.now) : upgraded;
  const timerMs = DEFAULTS.timerSeconds * 1000;
  const state: RoomState = {
    meta: {
      code: target.code,
      title: doc.workshop.title,
      createdAt: doc.workshop.createdAt,
      phase: doc.workshop.phase,
      phaseLog: doc.workshop.phaseLog,
      settings: doc.workshop.settings,
      // An ended workshop has revealed its votes (docs/privacy.md).
      revealed: doc.workshop.revealed || doc.workshop.phase === 'ended',
      locked: doc.workshop.locked,
      spotlight: doc.workshop.spotlight,
      timer: { status: 'idle', durationMs: timerMs, endsAt: null, remainingMs: timerMs },
    },
    ...emptyCollections(),
  };
  for (const team of doc.teams) state.teams[team.id] = team;
  let unnamed = 0;
  const claimed = new Set<string>();
  for (const { ballot, ...p } of doc.participants) {
    if (p.teamId !== null && !state.teams[p.teamId]) return fail('INVALID', `participant ${p.id}: unknown team ${p.teamId}`);
    if (state.participants[p.id]) return fail('INVALID', `participant ${p.id}: listed twice`);
    // Nobody holds a token for the new workshop: the file's people took part in an earlier session.
    if (p.status === 'removed') continue;
    state.participants[p.id] = { ...p, status: 'earlier', name: p.name ?? `Participant ${++unnamed}` };
    if (ballot !== undefined) {
      if (claimed.has(ballot)) return fail('INVALID', `participant ${p.id}: ballot ${ballot} belongs to someone else`);
      claimed.add(ballot);
      state.ballots[p.id] = ballot;
    }
  }
  const scenario = (id: string) => state.scenarios[id] !== undefined;
  const numbers = new Set<number>();
  let next = Math.max(0, ...doc.scenarios.map((s) => s.number ?? 0)) + 1;
  for (const s of [...doc.scenarios].sort((a, b) => a.order - b.order)) {
    if (s.teamId !== null && !state.teams[s.teamId]) return fail('INVALID', `scenario ${s.id}: unknown team ${s.teamId}`);
    if (s.number !== undefined && numbers.has(s.number)) return fail('INVALID', `scenario ${s.id}: card number ${s.number} is taken`);
    const number = s.number ?? next++;
    numbers.add(number);
    state.scenarios[s.id] = { ...s, number };
  }
  if (state.meta.spotlight !== null && !scenario(state.meta.spotlight)) state.meta.spotlight = null;
  for (const p of doc.placements) {
    if (!scenario(p.scenarioId) || !state.teams[p.teamId]) return fail('INVALID', `placement ${p.scenarioId}: unknown scenario or team`);
    state.placements[placementKey(p.scenarioId, p.teamId)] = p;
  }
  for (const v of doc.votes) {
    if (!scenario(v.scenarioId)) return fail('INVALID', `vote: unknown scenario ${v.scenarioId}`);
    state.votes[v.ballot] = { ...state.votes[v.ballot], [v.scenarioId]: { x: v.x, y: v.y } };
  }
  for (const s of doc.stars) {
    if (!scenario(s.scenarioId)) return fail('INVALID', `star: unknown scenario ${s.scenarioId}`);
    const list = state.stars[s.ballot] ?? [];
    if (!list.includes(s.scenarioId)) state.stars[s.ballot] = [...list, s.scenarioId];
  }
  for (const c of doc.comments) {
    if (!scenario(c.scenarioId)) return fail('INVALID', `comment ${c.id}: unknown scenario ${c.scenarioId}`);
    state.comments[c.id] = c;
  }
  for (const t of doc.lensTags) {
    if (!scenario(t.scenarioId)) return fail('INVALID', `lens tag: unknown scenario ${t.scenarioId}`);
    const sheet: LensSheet = state.lenses[t.ballot] ?? {};
    const list = sheet[t.scenarioId] ?? [];
    if (!list.includes(t.lens)) sheet[t.scenarioId] = [...list, t.lens];
    state.lenses[t.ballot] = sheet;
  }
  for (const t of doc.takeaways) {
    if (!scenario(t.scenarioId)) return fail('INVALID', 'takeaway: unknown scenario');
    state.takeaways[t.scenarioId] = t;
  }
  for (const { ballot, ...r } of doc.reflections) state.reflections[ballot] = r;
  state.auth = {
    [target.facilitatorTokenHash]: { role: 'facilitator', participantId: null },
    [target.stageTokenHash]: { role: 'stage', participantId: null },
  };
  return state;
}
