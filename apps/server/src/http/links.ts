import type { Request } from 'express';

export interface Links {
  facilitatorUrl: string;
  joinUrl: string;
  stageUrl: string;
}

/**
 * Secrets travel in the URL fragment, which browsers never send to a server or put in logs. The join
 * link uses an address phones can open (`joinOrigin`: PUBLIC_URL, or the LAN address when the
 * console runs on localhost); the facilitator's own links stay on the address they used.
 */
export function linksFor(origin: string, code: string, facilitatorToken: string, stageToken: string, joinOrigin = origin): Links {
  return {
    facilitatorUrl: `${origin}/host/${code}#key=${facilitatorToken}`,
    joinUrl: `${joinOrigin}/join/${code}`,
    stageUrl: `${origin}/host/${code}/stage#key=${stageToken}`,
  };
}

export function originOf(req: Request, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
