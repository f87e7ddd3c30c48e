import { describe, expect, it } from 'vitest';
import { joinPath, parseRoute } from './route.js';

describe('parseRoute', () => {
  it.each([
    ['/', '', { kind: 'join', code: '' }],
    ['/join', '', { kind: 'join', code: '' }],
    ['/join/ab3k9z', '', { kind: 'join', code: 'AB3K9Z' }],
    ['/join/AB3-K9Z', '', { kind: 'join', code: 'AB3K9Z' }],
    ['/join/ABOL12', '', { kind: 'join', code: 'AB0112' }],
    ['/join/TOOLONGCODE', '', { kind: 'join', code: '' }],
    ['/join/%E0%A4%A', '', { kind: 'join', code: '' }],
    ['/preview/AB3K9Z', '#key=s3cr3t-key_1', { kind: 'preview', code: 'AB3K9Z', key: 's3cr3t-key_1' }],
    ['/preview/AB3K9Z', '', { kind: 'join', code: 'AB3K9Z' }],
    ['/elsewhere/AB3K9Z', '', { kind: 'join', code: '' }],
  ])('%s%s', (pathname, hash, expected) => {
    expect(parseRoute(pathname, hash)).toEqual(expected);
  });

  it('builds the join address a reload comes back to', () => {
    expect(joinPath('AB3K9Z')).toBe('/join/AB3K9Z');
  });
});
