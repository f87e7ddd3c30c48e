import { existsSync, readFileSync } from 'node:fs';
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

const root = new URL('../../../', import.meta.url);
const architecture = readFileSync(new URL('docs/architecture.md', root), 'utf8');

describe('docs/architecture.md', () => {
  // Paths are written from the repository root, or from apps/server/src for the server's own modules.
  const named = [...new Set([...architecture.matchAll(/`([\w./-]+\.(?:ts|vue))`/g)].map((m) => m[1]!))];

  it('names files', () => {
    expect(named.length).toBeGreaterThan(10);
  });

  it.each(named)('names %s, which exists', (path) => {
    const candidates = [path, `apps/server/src/${path}`, `packages/core/src/${path}`];
    expect(candidates.some((candidate) => existsSync(new URL(candidate, root)))).toBe(true);
  });
});
