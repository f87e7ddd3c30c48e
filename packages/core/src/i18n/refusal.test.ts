import { describe, expect, it } from 'vitest';
import { Workshop } from '../testkit.js';
import type { Language } from '../language.js';
import { refusalText, type RefusalLike } from './refusal.js';
import { translator } from './translator.js';

/** The words a screen would pass, from core's own translator. */
function words(language: Language) {
  const t = translator(language);
  return {
    t: (key: string, named: Record<string, unknown>, plural?: number) =>
      plural === undefined ? t.t(key as never, named as never) : t.plural(key as never, plural, named as never),
    te: (key: string) => t.t(key as never) !== key,
    n: (value: number) => t.n(value),
  };
}

describe('refusalText', () => {
  it.each<[string, Language, RefusalLike, string]>([
    ['a code', 'de', { code: 'NEEDS_TEAM' }, 'Tritt zuerst einem Team bei.'],
    ['a cap, in the language’s digits', 'de', { code: 'ROOM_FULL', params: { max: 2500 } }, 'Dieser Workshop ist voll: Er fasst höchstens 2.500 Personen. Frag die Moderation.'],
    ['a cap of one', 'en', { code: 'ROOM_FULL', params: { max: 1 } }, 'This workshop is full: it takes at most one person. Ask the facilitator.'],
    ['a cap', 'en', { code: 'ROOM_FULL', params: { max: 2500 } }, 'This workshop is full: it takes at most 2,500 people. Ask the facilitator.'],
    ['a reason', 'de', { code: 'LOCKED', reason: 'timeUp' }, 'Die Zeit ist um: Eingaben sind gesperrt, bis die Moderation sie wieder freigibt.'],
    ['a phase by its name', 'de', { code: 'WRONG_PHASE', reason: 'phase', params: { phase: 'vote' } }, 'Das geht in der Phase „Abstimmen“ nicht.'],
    ['a reason this screen does not know', 'en', { code: 'CONFLICT', reason: 'somethingNewer' }, 'That does not fit what just changed; try again.'],
  ])('words %s', (_name, language, error, text) => {
    expect(refusalText(error, words(language))).toBe(text);
  });

  it('words the refusals the reducer gives with what they name', () => {
    const w = new Workshop({ settings: { maxParticipants: 1 } });
    w.join('Ana', 0);
    const ana = Object.keys(w.state.participants)[0]!;
    w.phase('vote');
    const placed = w.run(ana, { type: 'placement.set', scenarioId: 'x', x: 0.5, y: 0.5 });
    expect(!placed.ok && refusalText(placed.error, words('de'))).toBe('Das geht in der Phase „Abstimmen“ nicht.');
    expect(() => w.join('Bob', 1)).toThrow('This workshop is full: it takes at most one person. Ask the facilitator.');
  });
});
