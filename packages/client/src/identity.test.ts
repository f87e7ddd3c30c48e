import { describe, expect, it } from 'vitest';
import { forgetIdentity, identities, joinInput, rememberJoin } from './identity.js';
import { facilitatorLink, joinLink, joinPath, linkSecrets, previewLink, stageLink } from './links.js';
import { MemoryStorage } from './storage.js';

describe('a participant on this device', () => {
  it('resumes with the saved token, joins by name only the first time, and forgets token and outbox on leaving', () => {
    const storage = new MemoryStorage();
    const me = { code: 'ABC234', role: 'participant' as const, storage, name: 'Ana' };
    expect(joinInput(me)).toEqual({ code: 'ABC234', role: 'participant', name: 'Ana' });
    expect(joinInput({ ...me, name: undefined })).toBeNull();
    rememberJoin(me, { role: 'participant', id: 'p1', token: 'tok' });
    expect(identities.participant(storage, 'ABC234')).toEqual({ token: 'tok', participantId: 'p1', name: 'Ana' });
    expect(joinInput(me)).toEqual({ code: 'ABC234', role: 'participant', token: 'tok' });
    // Tokens are per room: another room's form still asks for a name.
    expect(joinInput({ ...me, code: 'XYZ789' })).toEqual({ code: 'XYZ789', role: 'participant', name: 'Ana' });
    storage.setItem('leadboard:outbox:ABC234:participant', '[]');
    forgetIdentity(storage, 'ABC234', 'participant');
    expect(identities.participant(storage, 'ABC234')).toBeNull();
    expect(storage.getItem('leadboard:outbox:ABC234:participant')).toBeNull();
  });

  it('offers the last room again only while it still holds an identity for it', () => {
    const storage = new MemoryStorage();
    identities.saveLastRoom(storage, 'ABC234');
    expect(identities.lastRoom(storage)).toBeNull();
    identities.saveParticipant(storage, 'ABC234', { token: 't', participantId: 'p1', name: 'Ana' });
    expect(identities.lastRoom(storage)).toEqual({ code: 'ABC234', name: 'Ana' });
    identities.forgetLastRoom(storage);
    expect(identities.lastRoom(storage)).toBeNull();
  });
});

describe('a facilitator on this browser', () => {
  it('joins with the key it was given or the one it kept, and keeps a given key once it worked', () => {
    const storage = new MemoryStorage();
    const console = { code: 'ABC234', role: 'facilitator' as const, storage };
    expect(joinInput(console)).toBeNull();
    rememberJoin({ ...console, token: 'fac' }, { role: 'facilitator', id: null, token: null });
    expect(joinInput(console)).toEqual({ code: 'ABC234', role: 'facilitator', token: 'fac' });
    expect(joinInput({ ...console, token: 'other' })).toMatchObject({ token: 'other' });
    // A stage key is never saved by joining, nor looked up for a stage that was given none.
    expect(joinInput({ code: 'ABC234', role: 'stage', storage })).toBeNull();
  });

  it('keeps a short list of recent workshops it holds keys for, newest first, and forgets everything of a deleted one', () => {
    const storage = new MemoryStorage();
    identities.saveFacilitator(storage, 'AAA111', 'f1');
    identities.saveFacilitator(storage, 'BBB222', 'f2');
    identities.rememberWorkshop(storage, { code: 'AAA111', title: 'One', openedAt: 1 });
    identities.rememberWorkshop(storage, { code: 'BBB222', title: 'Two', openedAt: 2 });
    identities.rememberWorkshop(storage, { code: 'CCC333', title: 'No key here', openedAt: 3 });
    identities.rememberWorkshop(storage, { code: 'AAA111', title: 'One again', openedAt: 4 });
    expect(identities.recentWorkshops(storage).map((w) => w.title)).toEqual(['One again', 'Two']);
    identities.saveStageKey(storage, 'AAA111', 's');
    storage.setItem('leadboard:outbox:AAA111:facilitator', '[]');
    expect(identities.stageKey(storage, 'AAA111')).toBe('s');
    identities.forgetWorkshop(storage, 'AAA111');
    expect(identities.facilitator(storage, 'AAA111')).toBeNull();
    expect(identities.stageKey(storage, 'AAA111')).toBeNull();
    expect(storage.getItem('leadboard:outbox:AAA111:facilitator')).toBeNull();
    expect(identities.recentWorkshops(storage).map((w) => w.code)).toEqual(['BBB222']);
  });

  it('survives garbage in storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('leadboard:host:recent', '{not json');
    storage.setItem('leadboard:participant:ABC234', 'nope');
    expect(identities.recentWorkshops(storage)).toEqual([]);
    expect(identities.participant(storage, 'ABC234')).toBeNull();
  });
});

describe('links that carry secrets', () => {
  it('puts keys in the fragment, encoded, and reads them back', () => {
    const link = facilitatorLink('http://x', 'ABC234', 'f/+', 's&=');
    expect(link).toBe('http://x/host/ABC234#key=f%2F%2B&stage=s%26%3D');
    expect(linkSecrets(new URL(link).hash)).toEqual({ key: 'f/+', stage: 's&=' });
    expect(facilitatorLink('http://x', 'ABC234', 'f', null)).toBe('http://x/host/ABC234#key=f');
    expect(linkSecrets(new URL(stageLink('http://x', 'ABC234', 'k')).hash)).toEqual({ key: 'k', stage: null });
    expect(previewLink('http://x', 'ABC234', 'k')).toBe('http://x/preview/ABC234#key=k');
    expect(joinLink('http://x', 'ABC234')).toBe('http://x/join/ABC234');
    expect(joinPath('ABC234')).toBe('/join/ABC234');
  });

  it('reads no secrets from an empty or unrelated fragment', () => {
    expect(linkSecrets('')).toEqual({ key: null, stage: null });
    expect(linkSecrets('#key=')).toEqual({ key: null, stage: null });
    expect(linkSecrets('#section-2')).toEqual({ key: null, stage: null });
  });
});
