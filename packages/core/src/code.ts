import { LIMITS } from './constants.js';

/** Room-code characters: digits and capitals without I, L and O, which read like 1, 1 and 0. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTUVWXYZ';

const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${LIMITS.codeLength}}$`);

/** Uppercase, drop spaces and dashes, and read the ambiguous letters as the digits they look like. */
export function normalizeCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function isValidCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

/** A room code from random bytes (one byte per character; the caller supplies the randomness). */
export function codeFromBytes(bytes: Uint8Array): string {
  let code = '';
  for (let i = 0; i < LIMITS.codeLength; i++) {
    // 256 is not a multiple of 33; the bias this leaves is below 1 % and harmless for room codes.
    code += CODE_ALPHABET[(bytes[i] ?? 0) % CODE_ALPHABET.length];
  }
  return code;
}
