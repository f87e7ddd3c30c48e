import { createRequire } from 'node:module';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

// resvg-js is CommonJS with a native addon; loaded on the first PNG so a server that never
// exports one does not pay for it at start-up.
const require = createRequire(import.meta.url);
type Resvg = typeof import('@resvg/resvg-js');
let resvg: Resvg | null = null;

/**
 * The fonts the PNG is drawn with, all from npm packages the server depends on: DejaVu Sans
 * (regular and bold, Bitstream Vera licence) for text and Noto Emoji (OFL) for emoji. System fonts
 * are never loaded, so a slim container draws exactly what a laptop does.
 */
export function fontFiles(): string[] {
  return [
    require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
    require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'),
  ];
}

export const PNG_WIDTH = { min: 640, default: 1920, max: 4096 } as const;

export function renderOptions(width: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width', value: width },
    background: '#FFFFFF',
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    logLevel: 'off',
  };
}

/** The SVG export, rasterised off the event loop (resvg renders on libuv's thread pool). */
export async function renderPng(svg: string, width: number = PNG_WIDTH.default): Promise<Buffer> {
  resvg ??= require('@resvg/resvg-js') as Resvg;
  const image = await resvg.renderAsync(svg, renderOptions(width));
  return image.asPng();
}
