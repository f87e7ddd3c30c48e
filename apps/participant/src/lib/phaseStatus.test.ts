import { afterAll, describe, expect, it } from 'vitest';
import { showLanguage } from '../i18n/index.js';
import { phaseStatus, type StatusFacts } from './phaseStatus.js';

const facts: StatusFacts = { people: 12, teamCards: 5, placed: 2, scenarios: 9, voted: 4, spotlight: null, hasTeam: true };

describe('phaseStatus', () => {
  it.each([
    ['lobby', {}, '12 here'],
    ['framing', {}, 'Two questions'],
    ['scenarios', {}, '5 cards written'],
    ['scenarios', { teamCards: 1 }, '1 card written'],
    ['scenarios', { hasTeam: false }, 'Pick a team'],
    ['place', {}, '2 of 5 placed'],
    ['vote', {}, '4 of 9 done'],
    ['discuss', {}, 'Waiting for a card'],
    ['discuss', { spotlight: 3 }, 'Card 3'],
    ['conclude', {}, 'You need both'],
    ['ended', {}, 'Read-only'],
  ] as const)('%s %o → %s', (phase, over, expected) => {
    expect(phaseStatus(phase, { ...facts, ...over })).toBe(expected);
  });

  describe('in German', () => {
    afterAll(() => showLanguage('en'));

    it.each([
      ['lobby', { people: 1234 }, '1.234 da'],
      ['scenarios', {}, '5 Karten geschrieben'],
      ['scenarios', { teamCards: 1 }, '1 Karte geschrieben'],
      ['vote', {}, '4 von 9 erledigt'],
      ['discuss', { spotlight: 3 }, 'Karte 3'],
      ['conclude', {}, 'Es braucht beides'],
    ] as const)('%s %o → %s', async (phase, over, expected) => {
      await showLanguage('de');
      expect(phaseStatus(phase, { ...facts, ...over })).toBe(expected);
    });
  });
});
