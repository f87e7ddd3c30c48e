import { describe, expect, it } from 'vitest';
import { hashToken, newId, newToken, stageKeyFor } from './tokens.js';

describe('secrets and ids', () => {
  it('makes ids of letters and digits only, never starting with a character a spreadsheet would run', () => {
    const ids = Array.from({ length: 5000 }, newId);
    for (const id of ids) expect(id).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('makes tokens of 192 bits and keeps only their hashes', () => {
    const token = newToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(24);
    expect(hashToken(token)).not.toContain(token);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(stageKeyFor(token)).not.toBe(token);
  });
});
