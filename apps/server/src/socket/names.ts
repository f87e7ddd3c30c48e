/** Socket.IO room names for one workshop. */
export const roomNames = {
  everyone: (code: string) => `w:${code}`,
  facilitator: (code: string) => `w:${code}:fac`,
  /** Participants and the stage: what the room may see. */
  public: (code: string) => `w:${code}:pub`,
  participant: (code: string, participantId: string) => `w:${code}:p:${participantId}`,
};
