import { describe, expect, it } from 'vitest';
import { TEAM_COLORS } from '@leadboard/core';
import { inkOn } from './color.js';

describe('inkOn', () => {
  it('writes white on dark colours and black on light ones', () => {
    expect(inkOn('#0072B2')).toBe('#ffffff');
    expect(inkOn('#E69F00')).toBe('#000000');
    expect(inkOn('#56B4E9')).toBe('#000000');
    expect(inkOn('#2F4B7C')).toBe('#ffffff');
    expect(inkOn('not a colour')).toBe('#ffffff');
  });

  it('gives every team colour a contrast of at least 4.5:1', () => {
    const lum = (hex: string) => {
      const v = parseInt(hex.slice(1), 16);
      const c = (s: number) => {
        const x = ((v >> s) & 255) / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * c(16) + 0.7152 * c(8) + 0.0722 * c(0);
    };
    for (const color of TEAM_COLORS) {
      const a = lum(color);
      const b = lum(inkOn(color));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      expect(ratio, color).toBeGreaterThanOrEqual(4.5);
    }
  });
});
