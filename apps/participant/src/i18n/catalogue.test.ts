import { describe, expect, it } from 'vitest';
import { CORE_MESSAGES_EN, LANGUAGES } from '@leadboard/core';
import { catalogueDifferences, compileErrors } from '@leadboard/core/testkit';
import de from './de.json';
import en from './en.json';
import roomDe from './room.de.json';
import roomEn from './room.en.json';

/** The phone's catalogues by part: what the join form needs, and what the room's screens need. */
const PARTS = { join: { en, de }, room: { en: roomEn, de: roomDe } };

describe('the phone’s catalogues', () => {
  it.each(Object.keys(PARTS) as (keyof typeof PARTS)[])('%s: the same keys, placeholders and plural forms in every language', (part) => {
    for (const language of LANGUAGES) expect(catalogueDifferences(PARTS[part].en, PARTS[part][language], ['en', language])).toEqual([]);
  });

  it.each(LANGUAGES)('%s: every message compiles', (language) => {
    expect([...compileErrors(PARTS.join[language], language), ...compileErrors(PARTS.room[language], language)]).toEqual([]);
  });

  it('keep to their own namespace, and the two parts never word the same key', () => {
    expect(Object.keys(en)).toEqual(['phone']);
    expect(Object.keys(roomEn)).toEqual(['phone']);
    expect(Object.keys(CORE_MESSAGES_EN)).not.toContain('phone');
    expect(Object.keys(en.phone).filter((key) => key in roomEn.phone)).toEqual([]);
  });
});
