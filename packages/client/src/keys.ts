const PREFIX = 'leadboard-stage:';

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The stage key of a workshop follows from its facilitator key (one way only: the stage key does
 * not reveal the facilitator key), so any console with the facilitator key can open the stage.
 * The server derives it the same way when it creates a workshop.
 */
export async function deriveStageKey(facilitatorToken: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(PREFIX + facilitatorToken));
  return base64url(new Uint8Array(digest));
}
