import { compile } from '@intlify/core-base';
import { describe, expect, it } from 'vitest';
import { CORE_MESSAGES_EN, LANGUAGES } from '@leadboard/core';
import { catalogueDifferences, flatten } from '@leadboard/core/testkit';
import { EXPORTS } from '../lib/api.js';
import type { FileProblem } from '../lib/files.js';
import type { LinkState } from '../shared/connection.js';
import en from './en.json';
import de from './de.json';

const APP = { en, de };

describe('the console’s catalogues', () => {
  it('have the same keys, placeholders and plural forms in every language', () => {
    for (const language of LANGUAGES) expect(catalogueDifferences(APP.en, APP[language], ['en', language])).toEqual([]);
  });

  it('would catch a key the other catalogue lacks', () => {
    const { join: _join, ...withoutJoin } = de;
    expect(catalogueDifferences(en, withoutJoin, ['en', 'de'])).toContain('join.copyPrompt: missing in de');
  });

  it.each(LANGUAGES)('%s: every message compiles', (language) => {
    for (const [key, message] of flatten(APP[language])) {
      const errors: string[] = [];
      compile(message, { key, locale: language, onError: (error) => errors.push(error.message) });
      expect(errors, `${language} ${key}`).toEqual([]);
    }
  });

  it('never shadow core’s words: the two are merged into one catalogue', () => {
    expect(Object.keys(en).filter((key) => key in CORE_MESSAGES_EN)).toEqual([]);
  });

  it.each(LANGUAGES)('%s: words every key the screens build from a value', (language) => {
    const keys = new Set(flatten(APP[language]).keys());
    const links: LinkState[] = ['live', 'connecting', 'reconnecting', 'offline', 'ended'];
    const problems: FileProblem[] = ['tooLarge', 'notJson', 'badExport', 'badDeck', 'notLeadboard'];
    const wanted = [
      ...links.flatMap((state) => [`link.${state}.short`, `link.${state}.long`]),
      ...EXPORTS.flatMap((kind) => [`exports.${kind.id}.label`, `exports.${kind.id}.detail`]),
      ...['idle', 'running', 'paused', 'done'].map((status) => `timer.status.${status}`),
      ...problems.map((problem) => `files.${problem}`),
      ...[0, 401, 403, 404, 429, 500, 502, 503, 504].map((status) => `http.${status}`),
      'join.problem.loopback',
    ];
    expect(wanted.filter((key) => !keys.has(key))).toEqual([]);
  });
});
