import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { DECK, EMOJI_FAMILY, FONT_FAMILY, textWidth } from '@leadboard/core';
import { fontFiles, renderOptions, renderPng } from '../src/export/png.js';

const svgOf = (body: string, w = 400, h = 80) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="${FONT_FAMILY}">${body}</svg>`;

function inkedPixels(png: PNG): number {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 128) count++;
  return count;
}

async function render(svg: string, width = 400): Promise<PNG> {
  return PNG.sync.read(await renderPng(svg, width));
}

describe('png rendering', () => {
  it('ships its fonts: every file is there and system fonts are never loaded', () => {
    for (const file of fontFiles()) expect(existsSync(file)).toBe(true);
    expect(renderOptions(1920).font).toMatchObject({ loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' });
  });

  it('draws text with the shipped font, whatever family the SVG names first', async () => {
    const blank = await render(svgOf('<rect width="400" height="80" fill="#fff"/>'));
    expect(inkedPixels(blank)).toBe(0);
    const label = await render(svgOf('<rect width="400" height="80" fill="#fff"/><text x="10" y="50" font-size="32">Routine · Both</text>'));
    expect(inkedPixels(label)).toBeGreaterThan(500);
  });

  it('draws emoji with the shipped emoji font rather than a missing-glyph box', async () => {
    const emoji = async (char: string) =>
      render(svgOf(`<rect width="400" height="80" fill="#fff"/><text x="10" y="60" font-size="48"><tspan font-family="${EMOJI_FAMILY}">${char}</tspan></text>`));
    const party = await emoji('🎉');
    const rocket = await emoji('🚀');
    expect(inkedPixels(party)).toBeGreaterThan(100);
    expect(inkedPixels(rocket)).toBeGreaterThan(100);
    expect(Buffer.compare(party.data, rocket.data)).not.toBe(0);
  });

  it('scales to the width asked for, keeping the proportions', async () => {
    const png = await render(svgOf('<rect width="400" height="80" fill="#123456"/>'), 1000);
    expect([png.width, png.height]).toEqual([1000, 200]);
  });

  // The SVG wraps card text with estimated widths; the estimate must never fall short of the real
  // width in the font the PNG draws with, or text would run out of its card.
  it.each([
    ...DECK.slice(0, 6).map((card) => card.text),
    'WWWWWWWWWW MMMMMMMMMM',
    '=HYPERLINK("http://evil.example","click") <script>alert(1)</script>',
    'Ana "the, one" 🎉 Bob 🐦 👍🏽',
    'Ünïcödé çåfé — “quotes” … ½',
    '0123456789 %$#@&*+=<>~',
    Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join(''),
  ])('estimates %j at no less than its rendered width', (sample) => {
    for (const bold of [false, true]) {
      const weight = bold ? ' font-weight="bold"' : '';
      const svg = svgOf(`<text x="0" y="40" font-size="20"${weight}>${sample.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text>`, 4000, 80);
      const box = new Resvg(svg, renderOptions(4000)).getBBox();
      expect(box).toBeDefined();
      const estimate = textWidth(sample, 20, bold);
      expect(estimate).toBeGreaterThanOrEqual(box!.width);
      expect(estimate).toBeLessThan(box!.width * 1.35);
    }
  });
});
