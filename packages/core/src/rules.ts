import type { Meta, Participant, RoomState, Scenario, Timer } from './types.js';

/** A running timer that has reached zero locks participant input until the facilitator unlocks it. */
export function isInputLocked(meta: Meta, now: number): boolean {
  return meta.timer.status === 'running' && meta.timer.endsAt !== null && now >= meta.timer.endsAt;
}

export function timerRemainingMs(timer: Timer, now: number): number {
  if (timer.status === 'running') return Math.max(0, (timer.endsAt ?? now) - now);
  if (timer.status === 'paused') return timer.remainingMs;
  return timer.durationMs;
}

export function isActive(participant: Participant | undefined): participant is Participant {
  return participant !== undefined && participant.status === 'active';
}

export function activeParticipants(state: Pick<RoomState, 'participants'>): Participant[] {
  return Object.values(state.participants).filter((p) => p.status === 'active');
}

/** How many people are in the room (as `activeParticipants(state).length`, without building the list). */
export function activeCount(state: Pick<RoomState, 'participants'>): number {
  let count = 0;
  for (const id in state.participants) if (state.participants[id]!.status === 'active') count++;
  return count;
}

export function visibleScenarios(state: Pick<RoomState, 'scenarios'>): Scenario[] {
  return Object.values(state.scenarios)
    .filter((s) => !s.hidden)
    .sort((a, b) => a.order - b.order);
}

export function teamScenarioCount(state: Pick<RoomState, 'scenarios'>, teamId: string): number {
  let count = 0;
  for (const scenario of Object.values(state.scenarios)) if (scenario.teamId === teamId) count++;
  return count;
}

/** The team with the fewest active members (ties: earliest team), or null when there are no teams. */
export function smallestTeam(state: Pick<RoomState, 'teams' | 'participants'>): string | null {
  const sizes = new Map<string, number>();
  const teams = Object.values(state.teams).sort((a, b) => a.order - b.order);
  for (const team of teams) sizes.set(team.id, 0);
  for (const p of activeParticipants(state)) {
    if (p.teamId && sizes.has(p.teamId)) sizes.set(p.teamId, (sizes.get(p.teamId) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestSize = Infinity;
  for (const team of teams) {
    const size = sizes.get(team.id) ?? 0;
    if (size < bestSize) {
      best = team.id;
      bestSize = size;
    }
  }
  return best;
}
