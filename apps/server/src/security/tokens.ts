import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret: 192 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Tokens are only ever stored hashed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A short random entity id (66 bits), URL-safe. */
export function newId(): string {
  return randomBytes(8).toString('base64url').replace(/=+$/, '');
}

/**
 * A workshop's stage key, derived one way from its facilitator key so that any console holding
 * the facilitator key can open the stage (packages/client derives it the same way).
 */
export function stageKeyFor(facilitatorToken: string): string {
  return createHash('sha256').update(`leadboard-stage:${facilitatorToken}`).digest('base64url');
}
