import type { Team } from '@leadboard/core';

/** What a team's chip on the board says: its number for "Team 3", else its first letter. */
export function teamMark(team: Pick<Team, 'name' | 'order'>): string {
  const numbered = /(\d+)\s*$/.exec(team.name);
  if (numbered) return numbered[1]!.slice(-2);
  const first = [...team.name.trim()][0];
  return first ? first.toLocaleUpperCase() : String(team.order + 1);
}
