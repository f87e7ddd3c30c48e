/** Socket.IO room names for one workshop. */
export const roomNames = {
  everyone: (code: string) => `w:${code}`,
  facilitator: (code: string) => `w:${code}:fac`,
  /** Participants in no team: what the room may see. */
  public: (code: string) => `w:${code}:pub`,
  /** A team's members: what the room may see, and their own team's board while teams place blind. */
  team: (code: string, teamId: string) => `w:${code}:t:${teamId}`,
  /** The stage and the facilitator's phone preview: what the room sees, and who is in it. */
  stage: (code: string) => `w:${code}:stage`,
  participant: (code: string, participantId: string) => `w:${code}:p:${participantId}`,
};

/** The room a participant's phone hears the room's changes in: their team's, or the teamless one. */
export function sharedRoom(code: string, teamId: string | null): string {
  return teamId === null ? roomNames.public(code) : roomNames.team(code, teamId);
}

/** Whether a Socket.IO room is one where a workshop's phones hear its changes. */
export function isSharedRoom(code: string, name: string): boolean {
  return name === roomNames.public(code) || name.startsWith(`w:${code}:t:`);
}
