import { describe, expect, it } from 'vitest';
import { clock, shortLink } from './format.js';

describe('format', () => {
  it('counts a timer down in whole seconds, rounding up', () => {
    expect([clock(185_000), clock(3_725_000), clock(1), clock(0), clock(-5)]).toEqual(['3:05', '1:02:05', '0:01', '0:00', '0:00']);
  });

  it('shows the join address as people type it', () => {
    expect(shortLink('https://lead.example/join/ABC234')).toBe('lead.example/join/ABC234');
    expect(shortLink('http://192.168.1.20:3000/join/ABC234')).toBe('192.168.1.20:3000/join/ABC234');
  });
});
