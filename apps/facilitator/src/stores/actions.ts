import { reactive } from 'vue';
import { defineStore } from 'pinia';
import type { CommandAck, CommandDraft } from '@leadboard/core';
import { useRoomStore } from './room.js';

/**
 * Every control's command, by a key the control picks ("phase", "rename:TEAMID", …): which are in
 * flight, and why the last one was refused. Controls show both.
 */
export const useActionsStore = defineStore('actions', () => {
  const room = useRoomStore();
  const inFlight = reactive<Record<string, number>>({});
  const errors = reactive<Record<string, string>>({});

  async function run(key: string, draft: CommandDraft): Promise<CommandAck> {
    inFlight[key] = (inFlight[key] ?? 0) + 1;
    delete errors[key];
    try {
      const ack = await room.send(draft);
      if (!ack.ok) errors[key] = ack.error.message;
      return ack;
    } finally {
      inFlight[key] = (inFlight[key] ?? 1) - 1;
      if (inFlight[key] === 0) delete inFlight[key];
    }
  }

  function pending(key: string): boolean {
    return (inFlight[key] ?? 0) > 0;
  }

  function error(key: string): string | null {
    return errors[key] ?? null;
  }

  function dismiss(key: string): void {
    delete errors[key];
  }

  /** Remember a refusal that did not come from a command (a check made before sending). */
  function fail(key: string, message: string): void {
    errors[key] = message;
  }

  return { inFlight, errors, run, pending, error, dismiss, fail };
});
