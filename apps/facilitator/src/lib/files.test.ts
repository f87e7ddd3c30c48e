import { describe, expect, it } from 'vitest';
import { readLeadboardFile } from './files.js';

const file = (content: string, name = 'file.json') => ({ name, size: content.length, text: async () => content });

describe('reading a file the facilitator picked', () => {
  it('names what is wrong: not JSON, not ours, or a field that does not validate', async () => {
    expect(await readLeadboardFile(file('{ nope', 'notes.json'))).toEqual({ kind: 'error', message: expect.stringContaining('“notes.json” is not a Leadboard file: it is not JSON') });
    expect(await readLeadboardFile(file('{"format":"something-else"}'))).toEqual({ kind: 'error', message: expect.stringContaining('is not a Leadboard workshop export or deck file') });
    const deck = await readLeadboardFile(file(JSON.stringify({ format: 'leadboard.deck', version: 1, cards: [{ text: '' }] })));
    expect(deck).toEqual({ kind: 'error', message: '“file.json” is a deck file Leadboard cannot read: cards.0.text: must not be empty.' });
    const workshop = await readLeadboardFile(file(JSON.stringify({ format: 'leadboard.workshop', version: 2, workshop: {} })));
    expect(workshop.kind).toBe('error');
    if (workshop.kind === 'error') expect(workshop.message).toMatch(/^“file.json” is a workshop export Leadboard cannot read: workshop\.title/);
  });

  it('reads a deck file', async () => {
    const result = await readLeadboardFile(file(JSON.stringify({ format: 'leadboard.deck', version: 1, title: 'Mine', cards: [{ text: 'A card' }] })));
    expect(result).toEqual({ kind: 'deck', deck: { format: 'leadboard.deck', version: 1, title: 'Mine', cards: [{ text: 'A card' }] } });
  });
});
