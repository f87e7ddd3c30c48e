/** Socket.IO room names for one workshop. */
export const roomNames = {
  everyone: (code: string) => `w:${code}`,
  facilitator: (code: string) => `w:${code}:fac`,
  /** Participants: what the room may see. */
  public: (code: string) => `w:${code}:pub`,
  /** The stage and the facilitator's phone preview: what the room sees, and who is in it. */
  stage: (code: string) => `w:${code}:stage`,
  participant: (code: string, participantId: string) => `w:${code}:p:${participantId}`,
};
