import type { Phase } from '@leadboard/core';
import { i18n } from '../i18n/index.js';

export interface StatusFacts {
  people: number;
  teamCards: number;
  placed: number;
  scenarios: number;
  voted: number;
  spotlight: number | null;
  hasTeam: boolean;
}

/** The few words after the phase title, in the phone's language: how far this participant has got ("Vote · 4 of 9 done"). */
export function phaseStatus(phase: Phase, f: StatusFacts): string {
  const { t, n } = i18n.global;
  switch (phase) {
    case 'lobby':
      return t('phone.status.lobby', { n: n(f.people) });
    case 'framing':
      return t('phone.status.framing');
    case 'scenarios':
      return f.hasTeam ? t('phone.status.written', { n: f.teamCards }, f.teamCards) : t('phone.status.pickTeam');
    case 'place':
      return f.hasTeam ? t('phone.status.placed', { placed: f.placed, n: f.teamCards }) : t('phone.status.waitingTeam');
    case 'vote':
      return t('phone.status.voted', { voted: f.voted, n: f.scenarios });
    case 'discuss':
      return f.spotlight ? t('phone.status.card', { n: f.spotlight }) : t('phone.status.waitingCard');
    case 'conclude':
      return t('phone.status.conclude');
    case 'ended':
      return t('phone.status.ended');
  }
}
