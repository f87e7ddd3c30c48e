import type { Team } from '../types.js';

const NEUTRAL = '#6B7280';

/** A team's colour, or grey for shared cards and anything that is not a plain `#RRGGBB`. */
export function teamColor(team: Pick<Team, 'color'> | undefined): string {
  return team && /^#[0-9A-Fa-f]{6}$/.test(team.color) ? team.color.toUpperCase() : NEUTRAL;
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** The colour mixed with white: `amount` 0 keeps it, 1 is white. */
export function tint(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => c + (255 - c) * amount));
}

/** Black or white, whichever reads better on the colour (WCAG relative luminance). */
export function contrastText(hex: string): string {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? '#111111' : '#FFFFFF';
}

/** A card in its team's colour: a light wash to keep the text readable, the full colour as border. */
export function cardStyle(team: Pick<Team, 'color'> | undefined): { fill: string; stroke: string } {
  const color = teamColor(team);
  return { fill: tint(color, 0.82), stroke: color };
}
