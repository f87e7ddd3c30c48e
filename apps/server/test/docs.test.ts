import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, PHASES, LENSES, RULES } from '@leadboard/core';

const protocol = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');

describe('docs/protocol.md', () => {
  it.each(Object.keys(RULES))('documents the command %s', (type) => {
    expect(protocol).toContain(`\`${type}\``);
  });

  it.each([...ERROR_CODES])('documents the error code %s', (code) => {
    expect(protocol).toContain(`\`${code}\``);
  });

  it.each(['join', 'command', 'sync', 'changed', 'private', 'progress', 'presence', 'farewell'])('documents the event %s', (event) => {
    expect(protocol).toContain(`\`${event}\``);
  });

  it('names every phase and lens', () => {
    for (const name of [...PHASES, ...LENSES]) expect(protocol).toContain(`\`${name}\``);
  });
});
