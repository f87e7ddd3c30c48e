import { describe, expect, it } from 'vitest';
import { clock, fromNow, shortLink } from './format.js';

describe('format', () => {
  it('counts a timer down in whole seconds, rounding up', () => {
    expect([clock(185_000), clock(3_725_000), clock(1), clock(0), clock(-5)]).toEqual(['3:05', '1:02:05', '0:01', '0:00', '0:00']);
  });

  it('says how far off a moment is in the language asked for', () => {
    const now = Date.UTC(2025, 4, 14, 10, 0);
    expect(fromNow(now + 12 * 60_000, now, 'en')).toBe('in 12 minutes');
    expect(fromNow(now + 3 * 3_600_000, now, 'en')).toBe('in 3 hours');
    expect(fromNow(now + 6 * 86_400_000, now, 'en')).toBe('in 6 days');
    expect(fromNow(now + 6 * 86_400_000, now, 'de')).toBe('in 6 Tagen');
    expect(fromNow(now + 1 * 60_000, now, 'de')).toBe('in 1 Minute');
    expect(fromNow(now - 5_000, now, 'en')).toBe('now');
    expect(fromNow(now - 5_000, now, 'de')).toBe('jetzt');
  });

  it('shows the join address as people type it', () => {
    expect(shortLink('https://lead.example/join/ABC234')).toBe('lead.example/join/ABC234');
    expect(shortLink('http://192.168.1.20:3000/join/ABC234')).toBe('192.168.1.20:3000/join/ABC234');
  });
});
