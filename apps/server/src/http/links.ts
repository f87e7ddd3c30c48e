import type { Request } from 'express';

export interface Links {
  facilitatorUrl: string;
  joinUrl: string;
  stageUrl: string;
}

/** Secrets travel in the URL fragment, which browsers never send to a server or put in logs. */
export function linksFor(origin: string, code: string, facilitatorToken: string, stageToken: string): Links {
  return {
    facilitatorUrl: `${origin}/host/${code}#key=${facilitatorToken}`,
    joinUrl: `${origin}/join/${code}`,
    stageUrl: `${origin}/host/${code}/stage#key=${stageToken}`,
  };
}

export function originOf(req: Request, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
