import { describe, expect, it } from 'vitest';
import { parseRoute } from './route.js';

describe('parseRoute', () => {
  it.each([
    ['/host/', '', { page: 'start' }],
    ['/host', '', { page: 'start' }],
    ['/host/ABC234', '#key=fac', { page: 'console', code: 'ABC234', key: 'fac', stageKey: null }],
    ['/host/abc234', '#key=fac&stage=stg', { page: 'console', code: 'ABC234', key: 'fac', stageKey: 'stg' }],
    ['/host/ABC234', '', { page: 'console', code: 'ABC234', key: null, stageKey: null }],
    ['/host/ABC234/stage', '#key=stg', { page: 'stage', code: 'ABC234', key: 'stg' }],
    ['/host/ABC234/report', '', { page: 'report', code: 'ABC234' }],
    ['/host/ABC234/other', '', { page: 'missing', path: '/host/ABC234/other' }],
    ['/host/TOOLONGCODE', '', { page: 'missing', path: '/host/TOOLONGCODE' }],
    ['/elsewhere', '', { page: 'missing', path: '/elsewhere' }],
  ])('%s%s', (path, hash, route) => {
    expect(parseRoute(path, hash)).toEqual(route);
  });

  it('reads codes the way people type them (O for 0, I and L for 1)', () => {
    expect(parseRoute('/host/oab1l2', '')).toMatchObject({ page: 'console', code: '0AB112' });
  });
});
