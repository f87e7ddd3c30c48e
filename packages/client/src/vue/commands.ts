import { computed, ref, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import { defineStore } from 'pinia';
import type { AckError, CommandAck } from '@leadboard/core';

/** What a control shows of its commands: busy while any waits for its acknowledgement, and why the last was refused. */
export interface CommandState {
  busy: ComputedRef<boolean>;
  error: ComputedRef<string | null>;
  /** The last refusal as the room sent it (code, reason, params), for a screen that words it in its own language. */
  refusal: ComputedRef<AckError | null>;
  /** Follow a command on its way (`room.send(draft)`, or a store action that shows its effect at once). */
  run(ack: Promise<CommandAck>): Promise<CommandAck>;
  /** Show a refusal that did not come from the room (a check made before sending). */
  fail(message: string): void;
  clear(): void;
}

function commandState(): CommandState {
  const inFlight = ref(0);
  const error = ref<string | null>(null);
  const refusal = ref<AckError | null>(null);
  return {
    busy: computed(() => inFlight.value > 0),
    error: computed(() => error.value),
    refusal: computed(() => refusal.value),
    async run(ack) {
      inFlight.value++;
      error.value = null;
      refusal.value = null;
      try {
        const res = await ack;
        if (!res.ok) {
          error.value = res.error.message;
          refusal.value = res.error;
        }
        return res;
      } finally {
        inFlight.value--;
      }
    },
    fail: (message) => {
      error.value = message;
      refusal.value = null;
    },
    clear: () => {
      error.value = null;
      refusal.value = null;
    },
  };
}

/** Controls' command states by a key they share ("phase:next", "rename:TEAMID", …), so one shows what another sent. */
export const useCommandsStore = defineStore('commands', () => {
  // Each state is reactive on its own; the map only finds them, so reading it never needs tracking.
  const states = new Map<string, CommandState>();

  function state(key: string): CommandState {
    let found = states.get(key);
    if (!found) states.set(key, (found = commandState()));
    return found;
  }

  return { state };
});

/**
 * The one way a screen sends a command and shows it: `const saving = useCommand()`, then
 * `saving.run(room.send(draft))`, and `saving.busy` / `saving.error` in the template. Without a key
 * the state is the caller's own and goes with it; with a key it is shared by every control using the
 * same key, and kept until the next command or `clear()`.
 */
export function useCommand(key?: MaybeRefOrGetter<string>): CommandState {
  if (key === undefined) return commandState();
  const store = useCommandsStore();
  const current = () => store.state(toValue(key));
  return {
    busy: computed(() => current().busy.value),
    error: computed(() => current().error.value),
    refusal: computed(() => current().refusal.value),
    run: (ack) => current().run(ack),
    fail: (message) => current().fail(message),
    clear: () => current().clear(),
  };
}

