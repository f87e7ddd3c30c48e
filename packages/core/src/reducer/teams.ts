import { LIMITS, TEAM_COLORS } from '../constants.js';
import { activeParticipants } from '../rules.js';
import type { RoomState, Team } from '../types.js';
import { fail } from './tx.js';
import { rule } from './rule.js';

function sortedTeams(state: RoomState): Team[] {
  return Object.values(state.teams).sort((a, b) => a.order - b.order);
}

/** A new team with the next free colour and order. */
export function newTeam(state: RoomState, id: string, name: string | undefined): Team {
  const teams = sortedTeams(state);
  const order = teams.length ? Math.max(...teams.map((t) => t.order)) + 1 : 0;
  const used = new Set(teams.map((t) => t.color));
  const color = TEAM_COLORS.find((c) => !used.has(c)) ?? TEAM_COLORS[order % TEAM_COLORS.length]!;
  return { id, name: name ?? `Team ${teams.length + 1}`, color, order };
}

export const teamRules = {
  'team.choose': rule<'team.choose'>({
    who: 'participant',
    phases: ['lobby', 'framing', 'scenarios'],
    run(tx, cmd, me) {
      if (!tx.meta.settings.selfSelectTeams) return fail('FORBIDDEN', 'The facilitator assigns the teams.', { reason: 'teamsAssigned' });
      if (!tx.state.teams[cmd.teamId]) return fail('NOT_FOUND', 'That team does not exist.');
      if (me.teamId === cmd.teamId) return;
      tx.put('participants', me.id, { ...me, teamId: cmd.teamId });
    },
  }),

  'team.create': rule<'team.create'>({
    who: 'facilitator',
    phases: 'open',
    run(tx, cmd) {
      if (Object.keys(tx.state.teams).length >= LIMITS.teamsMax) {
        return fail('LIMIT_REACHED', `A workshop has at most ${LIMITS.teamsMax} teams.`, { reason: 'teamsMax', params: { max: LIMITS.teamsMax } });
      }
      const team = newTeam(tx.state, tx.ctx.newId(), cmd.name);
      tx.put('teams', team.id, team);
      return { teamId: team.id };
    },
  }),

  'team.rename': rule<'team.rename'>({
    who: 'facilitator',
    phases: 'open',
    run(tx, cmd) {
      const team = tx.state.teams[cmd.teamId];
      if (!team) return fail('NOT_FOUND', 'That team does not exist.');
      tx.put('teams', team.id, { ...team, name: cmd.name });
    },
  }),

  'team.remove': rule<'team.remove'>({
    who: 'facilitator',
    phases: 'open',
    run(tx, cmd) {
      if (!tx.state.teams[cmd.teamId]) return fail('NOT_FOUND', 'That team does not exist.');
      if (Object.values(tx.state.scenarios).some((s) => s.teamId === cmd.teamId)) {
        return fail('CONFLICT', 'This team has written scenarios; hide them instead of removing the team.', { reason: 'teamHasScenarios' });
      }
      tx.remove('teams', cmd.teamId);
      for (const p of Object.values(tx.state.participants)) {
        if (p.teamId === cmd.teamId) tx.put('participants', p.id, { ...p, teamId: null });
      }
      for (const [key, placement] of Object.entries(tx.state.placements)) {
        if (placement.teamId === cmd.teamId) tx.remove('placements', key);
      }
    },
  }),

  'team.assign': rule<'team.assign'>({
    who: 'facilitator',
    phases: 'open',
    run(tx, cmd) {
      const participant = tx.state.participants[cmd.participantId];
      if (!participant || participant.status !== 'active') return fail('NOT_FOUND', 'No such participant.');
      if (cmd.teamId !== null && !tx.state.teams[cmd.teamId]) return fail('NOT_FOUND', 'That team does not exist.');
      if (participant.teamId === cmd.teamId) return;
      tx.put('participants', participant.id, { ...participant, teamId: cmd.teamId });
    },
  }),

  'teams.balance': rule<'teams.balance'>({
    who: 'facilitator',
    phases: 'open',
    run(tx) {
      const moves = balanceTeams(tx.state);
      if (moves === null) return fail('CONFLICT', 'Create a team first.', { reason: 'noTeams' });
      for (const [participantId, teamId] of moves) {
        const participant = tx.state.participants[participantId]!;
        tx.put('participants', participantId, { ...participant, teamId });
      }
      return { moved: moves.size };
    },
  }),
};

/**
 * Even team sizes (differing by at most one) with as few moves as possible: the largest teams keep
 * the extra seats, the latest joiners of an oversized team move, and everyone unassigned gets a team.
 * Deterministic: ties go by team order and join time. Returns participant → new team, or null
 * without teams.
 */
export function balanceTeams(state: RoomState): Map<string, string> | null {
  const teams = sortedTeams(state);
  if (teams.length === 0) return null;
  const people = activeParticipants(state).sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
  const members = new Map<string, string[]>(teams.map((t) => [t.id, []]));
  const pool: string[] = [];
  for (const p of people) {
    const list = p.teamId ? members.get(p.teamId) : undefined;
    if (list) list.push(p.id);
    else pool.push(p.id);
  }
  const base = Math.floor(people.length / teams.length);
  const extra = people.length % teams.length;
  const bySize = [...teams].sort((a, b) => members.get(b.id)!.length - members.get(a.id)!.length || a.order - b.order);
  const target = new Map(bySize.map((t, i) => [t.id, base + (i < extra ? 1 : 0)]));
  const leaving: string[] = [];
  for (const team of teams) {
    const list = members.get(team.id)!;
    while (list.length > target.get(team.id)!) leaving.push(list.pop()!);
  }
  const waiting = [...pool, ...leaving];
  const moves = new Map<string, string>();
  for (const team of teams) {
    const list = members.get(team.id)!;
    while (list.length < target.get(team.id)! && waiting.length) {
      const id = waiting.shift()!;
      list.push(id);
      moves.set(id, team.id);
    }
  }
  return moves;
}
