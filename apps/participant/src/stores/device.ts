import { defineStore } from 'pinia';
import { onScopeDispose, ref } from 'vue';

/** What the phone itself knows: its clock (ticking twice a second, for timers) and whether it has a network. */
export const useDeviceStore = defineStore('device', () => {
  const now = ref(Date.now());
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
  const timer = setInterval(() => {
    now.value = Date.now();
  }, 500);
  const onOnline = () => (online.value = true);
  const onOffline = () => (online.value = false);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  onScopeDispose(() => {
    clearInterval(timer);
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
  });
  return { now, online };
});
