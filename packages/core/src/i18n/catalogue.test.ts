import { describe, expect, it } from 'vitest';
import { ERROR_CODES, LENSES, LIMITS, PHASES, QUADRANTS } from '../constants.js';
import { DECK_IDS } from '../content/deck.js';
import { LANGUAGES } from '../language.js';
import { CORE_MESSAGES } from './catalogues.js';
import { catalogueDifferences, compileErrors, flatten } from './parity.js';
import { REFUSAL_REASONS } from './refusal.js';

describe('core catalogues', () => {
  it('have the same keys, placeholders and plural forms in every language', () => {
    for (const language of LANGUAGES) {
      expect(catalogueDifferences(CORE_MESSAGES.en, CORE_MESSAGES[language], ['en', language])).toEqual([]);
    }
  });

  it.each(LANGUAGES)('%s: every message compiles', (language) => {
    expect(compileErrors(CORE_MESSAGES[language], language)).toEqual([]);
  });

  it.each(LANGUAGES)('%s: words every lens, quadrant, phase, deck card, error code and refusal reason', (language) => {
    const keys = new Set(flatten(CORE_MESSAGES[language]).keys());
    const wanted = [
      ...LENSES.flatMap((l) => ['title', 'manage', 'lead', 'prompt'].map((f) => `content.lens.${l}.${f}`)),
      ...QUADRANTS.flatMap((q) => [`content.quadrant.${q}.title`, `content.quadrant.${q}.detail`]),
      ...PHASES.flatMap((p) => ['name', 'participant', 'hint', 'next'].map((f) => `content.phase.${p}.${f}`)),
      ...DECK_IDS.flatMap((id) => [`content.deck.${id}.text`, `content.deck.${id}.note`]),
      ...ERROR_CODES.map((code) => `errors.${code}`),
      ...REFUSAL_REASONS.map((reason) => `refusals.${reason}`),
    ];
    expect(wanted.filter((key) => !keys.has(key))).toEqual([]);
  });

  it.each(LANGUAGES)('%s: deck cards fit on a card like anyone else’s', (language) => {
    for (const id of DECK_IDS) expect(CORE_MESSAGES[language].content.deck[id].text.length).toBeLessThanOrEqual(LIMITS.scenarioMax);
  });
});

describe('catalogueDifferences', () => {
  it.each([
    ['a key only one side has', { a: 'x', b: 'y' }, { a: 'x' }, ['b: missing in de']],
    ['a placeholder dropped', { a: 'at most {max}' }, { a: 'höchstens viele' }, ['a: en uses [max] in 1 form, de uses [] in 1 form']],
    ['a placeholder renamed', { a: '{n} cards' }, { a: '{count} Karten' }, ['a: en uses [n] in 1 form, de uses [count] in 1 form']],
    ['a plural form lost', { a: 'one card | {n} cards' }, { a: '{n} Karten' }, ['a: en uses [n] in 2 forms, de uses [n] in 1 form']],
    ['a linked message changed', { a: 'see @:b' }, { a: 'siehe @:c' }, ['a: en uses [@:b] in 1 form, de uses [@:c] in 1 form']],
    ['a linked message in braces, with a modifier on one side', { a: "@.lower:{'x.y'}, more" }, { a: "@:{'x.y'}, mehr" }, []],
    ['a linked message in braces changed', { a: "@:{'x.y'}" }, { a: "@:{'x.z'}" }, ['a: en uses [@:x.y] in 1 form, de uses [@:x.z] in 1 form']],
    ['a nested group', { g: { a: '{x}' } }, { g: { a: '{x}' } }, []],
    ['a literal pipe', { a: "x {'|'} y" }, { a: 'x y' }, []],
  ])('%s', (_name, en, de, problems) => {
    expect(catalogueDifferences(en, de, ['en', 'de'])).toEqual(problems);
  });
});

describe('compileErrors', () => {
  it('names the messages vue-i18n cannot compile', () => {
    expect(compileErrors({ ok: "mail {'@'} home", group: { bad: 'mail @ home', open: 'x {y' } }, 'en').map((e) => e.split(':')[0])).toEqual(
      expect.arrayContaining(['group.bad', 'group.open']),
    );
    expect(compileErrors({ ok: "mail {'@'} home", plural: 'one | {n} more' }, 'en')).toEqual([]);
  });
});
