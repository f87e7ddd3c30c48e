import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/** The local time, refreshed every `everyMs` while the component is mounted. */
export function useNow(everyMs = 250): Ref<number> {
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | null = null;
  onMounted(() => {
    timer = setInterval(() => (now.value = Date.now()), everyMs);
  });
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer);
  });
  return now;
}
