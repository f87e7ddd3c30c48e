import { z } from 'zod';
import { LENSES, LIMITS, PHASES } from '../constants.js';
import { LANGUAGES } from '../language.js';
import { isValidCode, normalizeCode } from '../code.js';
import { cleanText } from '../text.js';

/** Entity ids: short, URL-safe. */
export const Id = z.string().min(1).max(LIMITS.idMax).regex(/^[A-Za-z0-9_-]+$/, 'must be an id');

/** A room code as typed: case-insensitive, spaces and look-alike letters tolerated. */
export const RoomCode = z
  .string()
  .max(32)
  .transform(normalizeCode)
  .refine(isValidCode, { message: `must be a ${LIMITS.codeLength}-character room code` });

export const Token = z.string().min(16).max(LIMITS.tokenMax).regex(/^[A-Za-z0-9_-]+$/, 'must be a token');

export const CommandId = z.string().min(1).max(LIMITS.commandIdMax);

/** User text: bounded before and after cleaning, never empty unless allowEmpty. */
export function text(max: number, opts: { multiline?: boolean; allowEmpty?: boolean } = {}) {
  return z
    .string()
    .max(max * 4)
    .transform((value) => cleanText(value, opts.multiline))
    .pipe(z.string().min(opts.allowEmpty ? 0 : 1, 'must not be empty').max(max));
}

export const Coordinate = z.number().min(0).max(1);
/**
 * A position a phone or the console sends: kept to four decimals (a tenth of a pixel on a
 * 1,000-pixel board). A pointer gives seventeen digits; every vote and placement goes to many
 * screens, and the digits no one can see would be a third of its bytes.
 */
export const BoardCoordinate = Coordinate.transform((value) => Math.round(value * 10_000) / 10_000);
export const PhaseName = z.enum(PHASES);
export const LensName = z.enum(LENSES);
export const LanguageName = z.enum(LANGUAGES);
