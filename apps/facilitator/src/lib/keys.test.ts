import { describe, expect, it } from 'vitest';
import { identities, MemoryStorage } from '@leadboard/client';
import { facilitatorLink, forgetWorkshop, recentWorkshops, rememberWorkshop, savedStageKey, saveStageKey, shortLink } from './keys.js';

describe('workshop keys on this browser', () => {
  it('builds a facilitator link that carries the stage key when known', () => {
    expect(facilitatorLink('http://x', 'ABC234', 'f/+', null)).toBe('http://x/host/ABC234#key=f%2F%2B');
    expect(facilitatorLink('http://x', 'ABC234', 'f', 's')).toBe('http://x/host/ABC234#key=f&stage=s');
    expect(shortLink('https://lead.example/join/ABC234')).toBe('lead.example/join/ABC234');
  });

  it('keeps a short list of recent workshops, newest first, and forgets everything of a deleted one', () => {
    const storage = new MemoryStorage();
    rememberWorkshop(storage, { code: 'AAA111', title: 'One', openedAt: 1 });
    rememberWorkshop(storage, { code: 'BBB222', title: 'Two', openedAt: 2 });
    rememberWorkshop(storage, { code: 'AAA111', title: 'One again', openedAt: 3 });
    expect(recentWorkshops(storage).map((w) => w.title)).toEqual(['One again', 'Two']);
    identities.saveFacilitator(storage, 'AAA111', 'f');
    saveStageKey(storage, 'AAA111', 's');
    expect(savedStageKey(storage, 'AAA111')).toBe('s');
    forgetWorkshop(storage, 'AAA111');
    expect(identities.facilitator(storage, 'AAA111')).toBeNull();
    expect(savedStageKey(storage, 'AAA111')).toBeNull();
    expect(recentWorkshops(storage).map((w) => w.code)).toEqual(['BBB222']);
  });

  it('survives garbage in storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('leadboard:host:recent', '{not json');
    expect(recentWorkshops(storage)).toEqual([]);
  });
});
