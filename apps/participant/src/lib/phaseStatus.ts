import type { Phase } from '@leadboard/core';

export interface StatusFacts {
  people: number;
  teamCards: number;
  placed: number;
  scenarios: number;
  voted: number;
  spotlight: number | null;
  hasTeam: boolean;
}

/** The few words after the phase title: how far this participant has got ("Vote · 4 of 9 done"). */
export function phaseStatus(phase: Phase, f: StatusFacts): string {
  switch (phase) {
    case 'lobby':
      return `${f.people} here`;
    case 'framing':
      return 'Two questions';
    case 'scenarios':
      return f.hasTeam ? `${f.teamCards} ${f.teamCards === 1 ? 'card' : 'cards'} written` : 'Pick a team';
    case 'place':
      return f.hasTeam ? `${f.placed} of ${f.teamCards} placed` : 'Waiting for a team';
    case 'vote':
      return `${f.voted} of ${f.scenarios} done`;
    case 'discuss':
      return f.spotlight ? `Card ${f.spotlight}` : 'Waiting for a card';
    case 'conclude':
      return 'You need both';
    case 'ended':
      return 'Read-only';
  }
}
