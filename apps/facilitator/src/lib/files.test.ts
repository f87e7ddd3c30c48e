import { describe, expect, it } from 'vitest';
import { readLeadboardFile } from './files.js';

const file = (content: string, name = 'file.json') => ({ name, size: content.length, text: async () => content });

describe('reading a file the facilitator picked', () => {
  it('names what is wrong: not JSON, not ours, or a field that does not validate', async () => {
    expect(await readLeadboardFile(file('{ nope', 'notes.json'))).toEqual({ kind: 'error', problem: 'notJson', name: 'notes.json' });
    expect(await readLeadboardFile(file('{"format":"something-else"}'))).toEqual({ kind: 'error', problem: 'notLeadboard', name: 'file.json' });
    expect(await readLeadboardFile({ name: 'big.json', size: 6 * 1024 * 1024, text: async () => '{}' })).toEqual({ kind: 'error', problem: 'tooLarge', name: 'big.json' });
    const deck = await readLeadboardFile(file(JSON.stringify({ format: 'leadboard.deck', version: 1, cards: [{ text: '' }] })));
    expect(deck).toEqual({ kind: 'error', problem: 'badDeck', name: 'file.json', detail: 'cards.0.text: must not be empty' });
    const workshop = await readLeadboardFile(file(JSON.stringify({ format: 'leadboard.workshop', version: 2, workshop: {} })));
    expect(workshop).toMatchObject({ kind: 'error', problem: 'badExport', name: 'file.json' });
    if (workshop.kind === 'error') expect(workshop.detail).toMatch(/^workshop\.title/);
  });

  it('reads a deck file', async () => {
    const result = await readLeadboardFile(file(JSON.stringify({ format: 'leadboard.deck', version: 1, title: 'Mine', cards: [{ text: 'A card' }] })));
    expect(result).toEqual({ kind: 'deck', deck: { format: 'leadboard.deck', version: 1, title: 'Mine', cards: [{ text: 'A card' }] } });
  });
});
